using System.Net;
using System.Net.Sockets;
using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Distributed;
using Seg.Core.Evaluation;
using Seg.Core.Tests.Data;
using Seg.Core.Losses;
using Seg.Core.Optimization;
using Seg.Core.Tests.Training;
using Seg.Core.Training;
using Seg.Torch;
using Seg.Torch.Distributed;
using Seg.Torch.Optim;
using Seg.Core.Progress;

namespace Seg.Core.Tests.Distributed;

// Two ranks (threads with their own trainer, model, store client and Gloo transport on 127.0.0.1) against one process.
public class DataParallelTests
{
    private const int Iters = 3;

    [Test]
    public void Two_ranks_with_batch_2_end_where_one_process_with_batch_4_does()
    {
        using var setup = new TrainingSetup(images: 8);
        using var single = new ToyConvNet(seed: 3);
        using (var opt = Optimizer(single)) Train(setup, single, opt, batch: 4, TrainingRank.Single, null, "single");

        var ranks = RunRanks(2, (group, rank) =>
        {
            var model = new ToyConvNet(seed: 3 + 10 * rank); // rank 1 starts elsewhere: the start broadcast must fix that
            using var opt = Optimizer(model);
            var dp = new DataParallel(group);
            Train(setup, model, opt, batch: 2, new TrainingRank(rank, 2), dp, $"rank{rank}");
            return model;
        });
        try
        {
            var expected = single.parameters().ToList();
            foreach (var model in ranks)
            {
                var got = model.parameters().ToList();
                for (var i = 0; i < expected.Count; i++)
                {
                    var error = RelativeError(got[i], expected[i]);
                    TestContext.Out.WriteLine($"parameter {i}: relative error {error:E2}");
                    Assert.That(error, Is.LessThanOrEqualTo(1e-5));
                }
            }
            using var moved = single.parameters().First().sub(ToyStart());
            Assert.That(moved.abs().max().item<float>(), Is.GreaterThan(1e-4f), "the steps must move the weights");
        }
        finally
        {
            foreach (var m in ranks) m.Dispose();
        }
    }

    [Test]
    public void With_SyncBatchNorm_two_ranks_match_one_process_including_the_running_statistics()
    {
        using var setup = new TrainingSetup(images: 8);
        using var single = new ToyBnNet(seed: 3);
        using (var opt = Optimizer(single)) Train(setup, single, opt, batch: 4, TrainingRank.Single, null, "single");

        var ranks = RunRanks(2, (group, rank) =>
        {
            var model = new ToyBnNet(seed: 3);
            Assert.That(SyncBatchNorm.Convert(model, group), Is.EqualTo(1));
            using var opt = Optimizer(model);
            Train(setup, model, opt, batch: 2, new TrainingRank(rank, 2), new DataParallel(group), $"sync{rank}");
            return model;
        });
        try
        {
            var expected = single.state_dict();
            foreach (var model in ranks)
            {
                foreach (var (name, got) in model.state_dict())
                {
                    var error = RelativeError(got, expected[name]);
                    TestContext.Out.WriteLine($"{name}: relative error {error:E2}");
                    Assert.That(error, Is.LessThanOrEqualTo(1e-5), name);
                }
            }
        }
        finally
        {
            foreach (var m in ranks) m.Dispose();
        }
    }

    [Test]
    public void A_stop_requested_on_rank_1_stops_both_ranks_at_the_same_iteration_and_rank_0_saves()
    {
        using var setup = new TrainingSetup(images: 8);
        var results = RunRanks(2, (group, rank) =>
        {
            using var model = new ToyConvNet(seed: 3);
            using var opt = Optimizer(model);
            using var cts = new CancellationTokenSource();
            // Rank 1 alone is asked to stop, during its first iteration (as a signal would arrive).
            var progress = rank == 1 ? new CancelAt(1, cts) : null;
            return Train(setup, model, opt, batch: 2, new TrainingRank(rank, 2), new DataParallel(group), "stop", cts.Token, progress: progress);
        });
        Assert.That(results.Select(r => (r.Outcome, r.LastIteration)), Is.All.EqualTo((TrainingOutcome.Cancelled, 1)));
        Assert.That(Directory.Exists(Path.Combine(setup.SaveDir, "stop", "iter_1")), Is.True);
    }

    [Test]
    public void A_non_finite_loss_on_rank_1_stops_both_ranks_and_names_it()
    {
        using var setup = new TrainingSetup(images: 8);
        var results = RunRanks(2, (group, rank) =>
        {
            using var model = new ToyConvNet(seed: 3);
            using var opt = Optimizer(model);
            ISegLoss loss = rank == 1 ? new NanAtCallLoss(2) : new TinyCrossEntropy();
            return Train(setup, model, opt, batch: 2, new TrainingRank(rank, 2), new DataParallel(group), "nan", loss: loss);
        });
        Assert.That(results.Select(r => (r.Outcome, r.LastIteration)), Is.All.EqualTo((TrainingOutcome.NonFiniteLoss, 1)));
        Assert.That(results[0].Message, Does.Contain("rank 1's total loss"));
    }

    [Test]
    public void Distributed_evaluation_over_uneven_shards_gives_one_process_counts_and_miou()
    {
        using var setup = new TrainingSetup(images: 5);
        var val = DataTestHelpers.Build<SegDataset>($"type: Dataset\ndataset_root: {setup.Root}\nval_path: {Path.Combine(setup.Root, "train.txt")}\nnum_classes: 2\nmode: val\ntransforms:\n  - type: Normalize");
        using var single = new ToyConvNet(seed: 5);
        var expected = Evaluator.Evaluate(single, val, new InferenceOptions());
        var results = RunRanks(2, (group, rank) =>
        {
            using var model = new ToyConvNet(seed: 5);
            var evaluator = new DistributedEvaluator(group, val, (shard, ct, m) => Evaluator.Evaluate(m, shard, new InferenceOptions(), null, ct), null);
            return evaluator.Evaluate(model, CancellationToken.None);
        });
        foreach (var r in results)
        {
            Assert.That(r.ImageCount, Is.EqualTo(5));
            Assert.That(r.ConfusionMatrix, Is.EqualTo(expected.ConfusionMatrix));
            Assert.That(r.MeanIoU, Is.EqualTo(expected.MeanIoU).Within(1e-12));
        }
    }

    private static Tensor ToyStart()
    {
        using var fresh = new ToyConvNet(seed: 3);
        return fresh.parameters().First().detach().clone();
    }

    private static double RelativeError(Tensor got, Tensor expected)
    {
        using var scope = torch.NewDisposeScope();
        var diff = got.sub(expected).abs().max().item<float>();
        var scale = Math.Max(expected.abs().max().item<float>(), 1e-12f);
        return diff / scale;
    }

    private static TrainingOptimizer Optimizer(SegModel model) =>
        new(new SGD(model.parameters(), 0.1, momentum: 0.9), step => 0.1, [1.0]);

    private static TrainingResult Train(TrainingSetup setup, SegModel model, TrainingOptimizer optimizer, int batch, TrainingRank rank, DataParallel? dp, string run,
        CancellationToken token = default, ISegLoss? loss = null, IJobProgress? progress = null)
    {
        var options = new TrainerOptions { Iters = Iters, BatchSize = batch, SaveDir = Path.Combine(setup.SaveDir, run), SaveInterval = 1000, LogIters = 1, Seed = 11, Rank = rank };
        var trainer = new Trainer(model, optimizer, new LossSet([loss ?? new TinyCrossEntropy()], [1.0]), setup.Dataset, options)
        {
            Gradients = dp,
            Stops = dp is null ? LocalStopAgreement.Instance : dp,
            Progress = progress,
        };
        return trainer.Run(token);
    }

    private static T[] RunRanks<T>(int world, Func<ProcessGroup, int, T> body)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var timeout = TimeSpan.FromSeconds(60);
        var tasks = Enumerable.Range(0, world).Select(rank => Task.Factory.StartNew(() =>
        {
            using var store = new TCPStore("127.0.0.1", port, rank == 0, world, timeout);
            using var group = ProcessGroup.Create(store, "gloo", rank, world, timeout, "127.0.0.1");
            return body(group, rank);
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(tasks);
        return [.. tasks.Select(t => t.Result)];
    }

    private sealed class CancelAt(int iteration, CancellationTokenSource cts) : IJobProgress
    {
        public void Start(int done, int total) { }

        public void Report(int done, string? status = null)
        {
            if (done == iteration) cts.Cancel();
        }

        public void Dispose() { }
    }
}
