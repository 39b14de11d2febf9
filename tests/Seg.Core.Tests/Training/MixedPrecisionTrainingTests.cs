using Seg.Core.Checkpoints;
using Seg.Core.Data.Loading;
using Seg.Core.Evaluation;
using Seg.Core.Losses;
using Seg.Core.Precision;
using Seg.Core.Training;
using Seg.Torch;

namespace Seg.Core.Tests.Training;

// --precision fp32 is the plain loop, bit for bit; --precision fp16 (O1) trains under bfloat16 autocast on the CPU.
public class MixedPrecisionTrainingTests
{
    [Test]
    public void Fp32_training_is_bit_identical_to_the_plain_loop()
    {
        using var setup = new TrainingSetup(images: 5);
        const int iters = 4;
        var (m1, o1) = TrainingSetup.ModelAndOptimizer(iters);
        using (m1)
        using (o1)
            Assert.That(setup.Trainer(m1, o1, setup.Options(iters, iters)).Run().Outcome, Is.EqualTo(TrainingOutcome.Completed));
        var trained = CheckpointAssert.Digest(Path.Combine(setup.SaveDir, $"iter_{iters}", CheckpointFiles.Model));

        var (m2, o2) = TrainingSetup.ModelAndOptimizer(iters);
        using (m2)
        using (o2)
        {
            PlainLoop(setup, m2, o2, iters, seed: 11);
            var plain = m2.state_dict().ToDictionary(kv => kv.Key, kv => $"{kv.Value.dtype}[{string.Join(",", kv.Value.shape)}]:{Convert.ToHexString(kv.Value.ToBytes())}");
            Assert.That(trained, Is.EqualTo(plain));
        }
    }

    [Test]
    public void Fp16_O1_trains_and_evaluates_under_autocast_and_keeps_float32_weights()
    {
        using var setup = new TrainingSetup(images: 5);
        const int iters = 4;
        var evaluatedIn = new List<ScalarType>();
        var evaluator = new DelegateEvaluator((model, _) =>
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            evaluatedIn.Add(model.call(torch.randn(1, 3, 8, 8))[0].dtype);
            return new EvaluationResult(1, 0.5, 0.5, 0.0, 0.5, [0.5, 0.5], [1, 1], [1, 1], [1, 1]);
        });
        var (model, optimizer) = TrainingSetup.ModelAndOptimizer(iters);
        using (model)
        using (optimizer)
        {
            var result = setup.Trainer(model, optimizer, setup.Options(iters, iters) with { Precision = MixedPrecision.Fp16(AmpLevel.O1) }, evaluator: evaluator).Run();
            Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.Completed));
            Assert.That(double.IsFinite(result.FinalLoss), Is.True);
        }
        var fp16 = CheckpointAssert.Digest(Path.Combine(setup.SaveDir, $"iter_{iters}", CheckpointFiles.Model));

        var fp32Dir = Path.Combine(setup.Root, "fp32");
        var (m32, o32) = TrainingSetup.ModelAndOptimizer(iters);
        using (m32)
        using (o32)
            setup.Trainer(m32, o32, setup.Options(iters, iters) with { SaveDir = fp32Dir }).Run();
        var fp32 = CheckpointAssert.Digest(Path.Combine(fp32Dir, $"iter_{iters}", CheckpointFiles.Model));

        Assert.Multiple(() =>
        {
            Assert.That(evaluatedIn, Is.EqualTo(new[] { ScalarType.BFloat16 }), "the in-training evaluation ran under autocast (the last conv in bfloat16)");
            Assert.That(fp16.Values.Where(v => !v.StartsWith("Int64", StringComparison.Ordinal)), Has.All.StartWith("Float32"), "O1 keeps the weights in float32");
            Assert.That(fp16, Is.Not.EqualTo(fp32), "autocast changed the arithmetic");
            Assert.That(fp16.Keys, Is.EquivalentTo(fp32.Keys));
        });
    }

    // Trainer.Step for fp32 written out: the same batches, per-iteration seeds, forward, loss, backward and steps.
    private static void PlainLoop(TrainingSetup setup, TinySegModel model, Seg.Core.Optimization.TrainingOptimizer optimizer, int iters, long seed)
    {
        var loader = new DataLoader(setup.Dataset, new DataLoaderOptions { BatchSize = 2, Shuffle = true, DropLast = true, Seed = seed, Rank = 0, WorldSize = 1 });
        var losses = new LossSet([new TinyCrossEntropy()], [1.0]);
        model.train();
        optimizer.ZeroGrad();
        var iteration = 0;
        for (long epoch = 0; iteration < iters; epoch++)
        {
            foreach (var batch in TrainingBatches.Of(loader, epoch, 0))
            {
                using (batch)
                using (var scope = torch.NewDisposeScope())
                {
                    iteration++;
                    torch.manual_seed(IterationSeeds.For(seed, iteration));
                    using var output = losses.Compute(model.call(batch.Images), batch.Labels!);
                    output.Total.backward();
                    optimizer.Step();
                    optimizer.StepSchedule();
                    optimizer.ZeroGrad();
                }
                if (iteration >= iters) break;
            }
        }
    }
}
