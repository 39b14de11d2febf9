using Seg.Core.Checkpoints;
using Seg.Core.Contracts;
using Seg.Core.Training;
using Seg.Torch;
using Seg.Core.Progress;

namespace Seg.Core.Tests.Training;

// Issue 12, case 2: divergence hidden from the loss (OHEM keeps no pixel of a NaN output), NaN gradients under a finite
// loss, and non-finite weights at a save all stop the run; nothing non-finite is written.
public class NonFiniteTests
{
    [Test]
    public void ANaNOutputThatTheLossHidesStopsTheRun()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(8);
        TrainingResult result;
        using (m)
        using (o)
            result = setup.Trainer(m, o, setup.Options(8, 2), loss: new FinitePixelsOnlyLoss(), progress: new PoisonAt(3, m)).Run();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.NonFiniteLoss));
            Assert.That(result.Message, Does.Contain("the model's output holds NaN or infinite values at iter 4"));
            Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_2" }), "nothing saved after the weights went bad");
        });
        AssertFinite(Path.Combine(setup.SaveDir, "iter_2"));
    }

    [Test]
    public void NonFiniteWeightsAreNeverSavedAsACheckpointOrBestModel()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(8);
        TrainingResult result;
        using (m)
        using (o)
            result = setup.Trainer(m, o, setup.Options(8, 2), evaluator: new DelegateEvaluator((_, _) => OneClassResult()), progress: new PoisonAt(4, m)).Run();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.NonFiniteLoss));
            Assert.That(result.Message, Does.Contain("the weights hold NaN or infinite values").And.Contain("at iter 4"));
            Assert.That(setup.Folders(), Is.EqualTo(new[] { "best_model", "iter_2" }));
        });
        AssertFinite(Path.Combine(setup.SaveDir, "iter_2"));
        AssertFinite(Path.Combine(setup.SaveDir, "best_model"));
    }

    [Test]
    public void NaNGradientsUnderAFiniteLossStopBeforeTheStep()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(8);
        TrainingResult result;
        using (m)
        using (o)
            result = setup.Trainer(m, o, setup.Options(8, 2), loss: new NaNGradientAtCallLoss(3)).Run();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.NonFiniteLoss));
            Assert.That(result.Message, Does.Contain("the gradient of").And.Contain("at iter 3"));
            Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_2" }));
        });
    }

    private static void AssertFinite(string checkpoint)
    {
        using var file = SafeTensors.Load(Path.Combine(checkpoint, CheckpointFiles.Model));
        foreach (var (name, t) in file.Tensors)
        {
            using var finite = t.isfinite().all();
            Assert.That(finite.item<bool>(), Is.True, $"{checkpoint}: {name}");
        }
    }

    private static Seg.Core.Evaluation.EvaluationResult OneClassResult() => new(3, 0.5, 0.9, 0.1, 0.2, [0.5, 0.5], [1, 1], [1, 1], [1, 1]);

    // Sets the first weight to NaN after the given iteration (Report runs before that iteration's save).
    private sealed class PoisonAt(int iteration, TinySegModel model) : IJobProgress
    {
        public void Start(int done, int total) { }

        public void Report(int i, string? status = null)
        {
            if (i != iteration) return;
            using var noGrad = torch.no_grad();
            model.parameters().First().fill_(double.NaN);
        }

        public void Dispose() { }
    }

    // As OhemCrossEntropyLoss with a NaN output: pixels whose logits are not finite are never kept; none kept reads 0.
    private sealed class FinitePixelsOnlyLoss : ISegLoss
    {
        public Tensor forward(Tensor logits, Tensor labels)
        {
            using var finite = logits.isfinite().all(1);
            using var kept = labels.masked_fill(finite.logical_not(), 255);
            using var bad = logits.isfinite().logical_not();
            using var safe = logits.masked_fill(bad, 0.0);
            using var ce = torch.nn.functional.cross_entropy(safe, kept, ignore_index: 255);
            using var none = finite.any().logical_not();
            return ce.masked_fill(none, 0.0);
        }
    }

    // Cross entropy plus 0 * sqrt(|0 * logits|) at the given call: the value stays finite, its gradient is 0 * inf = NaN.
    private sealed class NaNGradientAtCallLoss(int call) : ISegLoss
    {
        private int calls;

        public Tensor forward(Tensor logits, Tensor labels)
        {
            calls++;
            var ce = torch.nn.functional.cross_entropy(logits, labels, ignore_index: 255);
            if (calls != call) return ce;
            return ce + (logits * 0.0).abs().sqrt().sum() * 0.0;
        }
    }
}
