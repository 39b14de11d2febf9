using System.Security.Cryptography;
using Seg.Core.Data.Checking;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Torch;

namespace Seg.Core.Tests.Data;

// The loader: same batches for any worker count, per-epoch shuffling, rank split, errors with file names, no hangs.
[Category(TestCategories.NeedsShared)]
public class LoaderTests
{
    private static SegDataset CamVid(TempTree tree, int count, string extraTransforms = "")
    {
        var lines = File.ReadLines(Path.Combine(DataFixtures.CamVid, "train_list.txt")).Take(count);
        var list = tree.File("train.txt", string.Join('\n', lines) + "\n");
        return DataTestHelpers.Build<SegDataset>($"""
            type: Dataset
            dataset_root: {DataFixtures.CamVid}
            train_path: {list}
            num_classes: 11
            ignore_index: 11
            mode: train
            transforms:
              - {"{"}type: ResizeStepScaling, min_scale_factor: 0.5, max_scale_factor: 1.0, scale_step_size: 0.25{"}"}
              - {"{"}type: RandomPaddingCrop, crop_size: [96, 64]{"}"}
              - {"{"}type: RandomHorizontalFlip{"}"}
              - {"{"}type: RandomDistort{"}"}
            {extraTransforms}
              - {"{"}type: Normalize{"}"}
            """);
    }

    private static List<string> Digests(DataLoader loader, long epoch) =>
        loader.Epoch(epoch).Select(b =>
        {
            using (b)
            {
                Assert.That(b.Images.shape[1..], Is.EqualTo(new long[] { 3, 64, 96 }));
                Assert.That(b.Labels!.dtype, Is.EqualTo(ScalarType.Int64));
                return string.Join(",", b.Indices) + ":" + Convert.ToHexString(SHA256.HashData([.. b.Images.ToBytes(), .. b.Labels.ToBytes()]));
            }
        }).ToList();

    [Test]
    public void SameBatchesForAnyWorkerCount()
    {
        using var tree = new TempTree();
        var ds = CamVid(tree, 7);
        var options = new DataLoaderOptions { BatchSize = 2, Shuffle = true, DropLast = true, Seed = 42 };
        var reference = Digests(new DataLoader(ds, options), 3);
        Assert.That(reference, Has.Count.EqualTo(3), "7 samples, batch 2, drop_last");
        foreach (var workers in new[] { 1, 3 })
            Assert.That(Digests(new DataLoader(ds, options with { NumWorkers = workers, PrefetchBatches = 1 + workers % 2 }), 3), Is.EqualTo(reference), $"{workers} workers");
        var otherEpoch = Digests(new DataLoader(ds, options with { NumWorkers = 2 }), 4);
        Assert.That(otherEpoch, Is.Not.EqualTo(reference), "another epoch reshuffles and re-augments");
    }

    [Test]
    public void EpochPlanShufflesPerEpochAndSplitsByRank()
    {
        var o = new DataLoaderOptions { BatchSize = 3, Shuffle = true, Seed = 1, WorldSize = 2 };
        var rank0 = EpochPlan.Batches(10, o, 0).SelectMany(b => b).ToList();
        var rank1 = EpochPlan.Batches(10, o with { Rank = 1 }, 0).SelectMany(b => b).ToList();
        Assert.That(rank0.Concat(rank1).Order(), Is.EqualTo(Enumerable.Range(0, 10)), "ranks share every sample exactly once");
        Assert.That(EpochPlan.Batches(10, o, 1).SelectMany(b => b), Is.Not.EqualTo(rank0));
        Assert.That(EpochPlan.Batches(10, o, 0).SelectMany(b => b), Is.EqualTo(rank0));
        Assert.That(EpochPlan.Batches(10, o with { Shuffle = false, WorldSize = 1 }, 0).Select(b => b.Length), Is.EqualTo(new[] { 3, 3, 3, 1 }));
        Assert.That(EpochPlan.Batches(10, o with { Shuffle = false, WorldSize = 1, DropLast = true }, 0).Select(b => b.Length), Is.EqualTo(new[] { 3, 3, 3 }));
        Assert.That(EpochPlan.Batches(5, o with { Shuffle = false, WorldSize = 3, Rank = 2, BatchSize = 5 }, 0)[0], Is.EqualTo(new[] { 2, 0 }), "padding wraps around");
    }

    [TestCase(0)]
    [TestCase(2)]
    public void CorruptImageSurfacesWithItsFileNames(int workers)
    {
        using var tree = new TempTree();
        var lines = File.ReadLines(Path.Combine(DataFixtures.CamVid, "train_list.txt")).Take(5).Select(l => string.Join(' ', l.Split(' ').Select(p => Path.Combine(DataFixtures.CamVid, p)))).ToList();
        var bad = tree.Bytes("broken.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        lines.Insert(3, $"{bad} {lines[0].Split(' ')[1]}");
        var list = tree.File("list.txt", string.Join('\n', lines) + "\n");
        var ds = DataTestHelpers.Build<SegDataset>($"type: Dataset\ndataset_root: /\ntrain_path: {list}\nnum_classes: 11\nmode: train\ntransforms: [{"{"}type: RandomPaddingCrop, crop_size: [64, 64]{"}"}, {"{"}type: Normalize{"}"}]");
        var loader = new DataLoader(ds, new DataLoaderOptions { BatchSize = 2, NumWorkers = workers });
        var run = Task.Run(() =>
        {
            var taken = 0;
            foreach (var b in loader.Epoch(0))
            {
                b.Dispose();
                taken++;
            }
            return taken;
        });
        try
        {
            run.Wait(TimeSpan.FromSeconds(60));
        }
        catch (AggregateException)
        {
        }
        Assert.That(run.IsCompleted, Is.True, "the loader hung");
        var e = run.Exception!.InnerException as DataLoaderException;
        Assert.That(e, Is.Not.Null, run.Exception!.ToString());
        Assert.That(e!.Message, Does.Contain("broken.png").And.Contain("sample 3").And.Contain("trainannot"));
        Assert.That(e.ImagePath, Is.EqualTo(bad));
    }

    [Test]
    public void StoppingEarlyStopsTheWorkers()
    {
        using var tree = new TempTree();
        var ds = CamVid(tree, 8);
        var loader = new DataLoader(ds, new DataLoaderOptions { BatchSize = 1, NumWorkers = 2 });
        using (var first = loader.Epoch(0).First()) Assert.That(first.Count, Is.EqualTo(1));
        Assert.That(loader.Epoch(1).Take(2).Count(), Is.EqualTo(2));
    }

    [Test]
    public void BatchLabelCheckNamesTheFiles()
    {
        using var tree = new TempTree();
        var ds = CamVid(tree, 2);
        using var batch = new DataLoader(ds, new DataLoaderOptions { BatchSize = 2 }).Epoch(0).First();
        Assert.DoesNotThrow(() => LabelChecker.CheckBatch(batch, 11, 11));
        var e = Assert.Throws<LabelCheckException>(() => LabelChecker.CheckBatch(batch, 11, 255));
        Assert.That(e!.Issues, Is.Not.Empty);
        Assert.That(e.Message, Does.Contain(e.Issues[0].LabelPath).And.Contain(e.Issues[0].ImagePath).And.Contain("label value 11 (").And.Contain("outside [0, 11) and not ignore_index 255"));
    }
}
