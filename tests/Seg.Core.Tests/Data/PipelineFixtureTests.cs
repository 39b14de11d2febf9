using System.Security.Cryptography;
using Seg.Core.Data;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Transforms;
using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Core.Tests.Data;

// The Cityscapes-style training pipeline on a whole CamVid image, built from YAML, against the Python reference (hashes).
[Category(TestCategories.NeedsShared)]
public class PipelineFixtureTests
{
    [Test]
    public void TrainingPipelineMatchesPythonBitForBit()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"seg-pipe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var meta = DataFixtures.Transforms.Metadata;
            var list = Path.Combine(dir, "list.txt");
            File.WriteAllText(list, $"{meta["pipeline.image"]} {meta["pipeline.label"]}\n");
            var dataset = DataTestHelpers.Build<SegDataset>($"""
                type: Dataset
                dataset_root: {DataFixtures.CamVid}
                train_path: {list}
                num_classes: 11
                mode: train
                transforms:
                  - type: ResizeStepScaling
                    min_scale_factor: 0.5
                    max_scale_factor: 2.0
                    scale_step_size: 0.25
                  - type: RandomPaddingCrop
                    crop_size: [512, 512]
                  - type: RandomHorizontalFlip
                  - type: RandomDistort
                    brightness_range: 0.5
                    contrast_range: 0.5
                    saturation_range: 0.5
                  - type: Normalize
                """);
            var random = new ReplayRandom(DataFixtures.Draws("pipeline"));
            using var sample = dataset.GetSample(0, random);
            Assert.That(random.Remaining, Is.Zero);
            Assert.That(sample.Image.shape, Is.EqualTo(new long[] { 3, 512, 512 }));
            Assert.That(Sha256(sample.Image), Is.EqualTo(meta["pipeline.img_sha256"]), "image");
            Assert.That(Sha256(sample.Label!), Is.EqualTo(meta["pipeline.label_sha256"]), "label");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static string Sha256(Tensor t) => Convert.ToHexStringLower(SHA256.HashData(t.contiguous().ToBytes()));
}
