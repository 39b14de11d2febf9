using Seg.Core.Data.Datasets;
using Seg.Core.Losses;
using Seg.Core.Optimization;
using Seg.Core.Tests.Data;
using Seg.Core.Training;
using Seg.Torch;
using Seg.Torch.Images;
using Seg.Torch.Optim;
using Seg.Core.Progress;

namespace Seg.Core.Tests.Training;

// A tiny generated dataset (32x32 PNGs, 2 classes) and a tiny model/optimizer/loss, built the same way each time.
internal sealed class TrainingSetup : IDisposable
{
    private readonly TempTree tree = new();

    internal TrainingSetup(int images = 5)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        var lines = new List<string>();
        for (var i = 0; i < images; i++)
        {
            var image = torch.randint(0, 256, [32, 32, 3], ScalarType.Byte);
            var label = image.select(2, 0).gt(127).to(ScalarType.Byte);
            Directory.CreateDirectory(Path.Combine(tree.Root, "img"));
            ImageIO.write_png(image, Path.Combine(tree.Root, "img", $"{i}.png"));
            ImageIO.write_png(label, Path.Combine(tree.Root, "img", $"{i}_label.png"));
            lines.Add($"img/{i}.png img/{i}_label.png");
        }
        var list = tree.File("train.txt", string.Join('\n', lines) + "\n");
        Dataset = DataTestHelpers.Build<SegDataset>($"""
            type: Dataset
            dataset_root: {tree.Root}
            train_path: {list}
            num_classes: 2
            mode: train
            transforms:
              - {"{"}type: RandomHorizontalFlip{"}"}
              - {"{"}type: Normalize{"}"}
            """);
        SaveDir = Path.Combine(tree.Root, "output");
    }

    internal SegDataset Dataset { get; }

    internal string SaveDir { get; }

    internal string Root => tree.Root;

    internal static (TinySegModel Model, TrainingOptimizer Optimizer) ModelAndOptimizer(int iters)
    {
        torch.manual_seed(3);
        var model = new TinySegModel();
        var sgd = new SGD(model.parameters(), 0.1, momentum: 0.9);
        return (model, new TrainingOptimizer(sgd, step => 0.1 * Math.Pow(1 - Math.Min(step, iters) / (double)iters, 0.9), [1.0]));
    }

    internal Trainer Trainer(TinySegModel model, TrainingOptimizer optimizer, TrainerOptions options, StringWriter? log = null, ITrainingEvaluator? evaluator = null, Seg.Core.Contracts.ISegLoss? loss = null, IJobProgress? progress = null) =>
        new(model, optimizer, new LossSet([loss ?? new TinyCrossEntropy()], [1.0]), Dataset, options)
        {
            Log = log ?? new StringWriter(),
            Evaluator = evaluator,
            Progress = progress,
        };

    internal TrainerOptions Options(int iters, int saveInterval, int keep = 0) => new()
    {
        Iters = iters,
        BatchSize = 2,
        SaveDir = SaveDir,
        SaveInterval = saveInterval,
        LogIters = 1,
        KeepCheckpointMax = keep,
        Seed = 11,
    };

    internal string[] Folders() => Directory.GetDirectories(SaveDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => tree.Dispose();
}
