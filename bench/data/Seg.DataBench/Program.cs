using System.Diagnostics;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Core.Data.Transforms;

// Usage: Seg.DataBench <camvid_root> <images> <workers...>
// The Cityscapes-style training pipeline (ResizeStepScaling 0.5-2.0, RandomPaddingCrop 512x512, flip, distort,
// normalize), batch 4, images per second after one warm-up batch.
var root = args.Length > 0 ? args[0] : "../shared/data/camvid";
var images = args.Length > 1 ? int.Parse(args[1]) : 160;
var workerCounts = args.Length > 2 ? args[2..].Select(int.Parse).ToArray() : [0, 1, 2];

var dataset = new Dataset(new DatasetOptions
{
    Mode = DatasetMode.Train,
    DatasetRoot = root,
    TrainPath = Path.Combine(root, "train_list.txt"),
    NumClasses = 11,
    IgnoreIndex = 11,
    Transforms =
    [
        new ResizeStepScaling(new ResizeStepScalingOptions { MinScaleFactor = 0.5, MaxScaleFactor = 2.0, ScaleStepSize = 0.25 }),
        new RandomPaddingCrop(new RandomPaddingCropOptions { CropSize = [512, 512] }),
        new RandomHorizontalFlip(new RandomHorizontalFlipOptions()),
        new RandomDistort(new RandomDistortOptions { BrightnessRange = 0.5, ContrastRange = 0.5, SaturationRange = 0.5 }),
        new Normalize(new NormalizeOptions()),
    ],
});

foreach (var workers in workerCounts)
{
    var loader = new DataLoader(dataset, new DataLoaderOptions { BatchSize = 4, Shuffle = true, DropLast = true, NumWorkers = workers, Seed = 1 });
    var done = 0;
    var watch = new Stopwatch();
    var epoch = 0;
    while (done < images)
    {
        foreach (var batch in loader.Epoch(epoch++))
        {
            using (batch)
            {
                if (!watch.IsRunning)
                {
                    watch.Start(); // the first batch is warm-up
                    continue;
                }
                done += batch.Count;
                if (done >= images) break;
            }
        }
    }
    watch.Stop();
    Console.WriteLine($"seg workers={workers} images={done} seconds={watch.Elapsed.TotalSeconds:F2} images_per_s={done / watch.Elapsed.TotalSeconds:F1}");
}
