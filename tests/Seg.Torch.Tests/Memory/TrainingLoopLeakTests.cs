using System.Diagnostics;
using Seg.Torch.Modules;

namespace Seg.Torch.Tests.Memory;

// A training loop in dispose scopes must not leak: neither handles nor native memory.
[NonParallelizable]
public class TrainingLoopLeakTests
{
    private static Sequential SmallConvNet() => torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 3, padding: 1),
        torch.nn.BatchNorm2d(8),
        torch.nn.ReLU(),
        torch.nn.Conv2d(8, 4, 3, padding: 1));

    private static float Step(Sequential net, Seg.Torch.Optim.Optimizer optimizer, Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var logits = net.call(x);
        var loss = torch.nn.functional.cross_entropy(logits, y, ignore_index: 255);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private static long ResidentBytes()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.WorkingSet64;
    }

    [Test]
    public void Ten_thousand_iterations_leave_handles_unchanged_and_memory_flat()
    {
        torch.manual_seed(0);
        using var net = SmallConvNet();
        using var optimizer = torch.optim.SGD(net.parameters(), lr: 0.01, momentum: 0.9, weight_decay: 1e-4);
        using var x = torch.randn(2, 3, 8, 8);
        using var y = torch.randint(0, 4, [2, 8, 8]);

        for (var i = 0; i < 500; i++) Step(net, optimizer, x, y); // warm-up: optimizer state, allocator pools
        var managed = TensorStatistics.LiveCount;
        var native = TensorStatistics.NativeLiveCount;
        var finalized = TensorStatistics.FinalizedCount;
        var rss = ResidentBytes();

        float first = 0, last = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var loss = Step(net, optimizer, x, y);
            if (i == 0) first = loss;
            last = loss;
            if (i % 1000 == 999)
            {
                Assert.That(TensorStatistics.LiveCount, Is.EqualTo(managed), $"managed tensors after {i + 1} iterations");
                Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native), $"native handles after {i + 1} iterations");
            }
        }

        var growth = ResidentBytes() - rss;
        Assert.That(TensorStatistics.FinalizedCount, Is.EqualTo(finalized), "nothing was left to the finalizer");
        Assert.That(growth, Is.LessThan(16L * 1024 * 1024), $"resident memory grew by {growth / 1024} KiB over 10,000 iterations");
        Assert.That(last, Is.LessThan(first), "the loss goes down on a fixed batch");
    }

    [Test]
    public void A_few_SGD_steps_on_one_batch_drive_the_loss_down()
    {
        torch.manual_seed(1);
        using var net = SmallConvNet();
        using var optimizer = torch.optim.SGD(net.parameters(), lr: 0.1, momentum: 0.9);
        using var x = torch.randn(4, 3, 8, 8);
        using var y = torch.randint(0, 4, [4, 8, 8]);
        var losses = Enumerable.Range(0, 60).Select(_ => Step(net, optimizer, x, y)).ToArray();
        Assert.That(losses[^1], Is.LessThan(losses[0] * 0.5f), string.Join(", ", losses));
    }
}
