using System.Text.Json.Nodes;
using Seg.Core.Checkpoints;
using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Core.Weights;
using Seg.Torch;

namespace Seg.Core.Tests.Training;

// --use_ema (PaddleSeg's paddleseg/utils/ema.py): the averaged weights against hand computation, the model's own
// training untouched, the EMA evaluated and saved separately, and restored exactly on resume.
public class EmaTests
{
    [TestCase(1, 0.5)]
    [TestCase(2, 2.0 / 3.0)]
    [TestCase(9, 0.9)]
    [TestCase(998, 1.0 - 1.0 / 999)]
    [TestCase(999, 0.999)]
    [TestCase(1000, 0.999)]
    [TestCase(100000, 0.999)]
    public void Decay_is_min_of_one_minus_one_over_step_plus_one_and_0_999(int step, double expected) =>
        Assert.That(ModelEma.Decay(step), Is.EqualTo(expected).Within(1e-15));

    [Test]
    public void Ema_after_each_step_is_the_hand_computed_average_of_every_float_entry_including_BN_statistics()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(4);
        Dictionary<string, double[]> initial;
        using (m)
        using (o)
        {
            initial = Values(m.state_dict());
            var r = setup.Trainer(m, o, setup.Options(4, 1) with { UseEma = true }).Run();
            Assert.That(r.Outcome, Is.EqualTo(TrainingOutcome.Completed));
        }

        // ema_0 = the initial model; ema_k = d_k·ema_{k-1} + (1 − d_k)·model_k with d_k = min(1 − 1/(k+1), 0.999), in doubles.
        var expected = initial;
        for (var k = 1; k <= 4; k++)
        {
            var model = Values(Path.Combine(setup.SaveDir, $"iter_{k}", CheckpointFiles.Model));
            var d = Math.Min(1.0 - 1.0 / (k + 1), 0.999);
            expected = expected.ToDictionary(kv => kv.Key, kv => kv.Value.Select((e, i) => d * e + (1 - d) * model[kv.Key][i]).ToArray());
            var ema = Values(Path.Combine(setup.SaveDir, $"iter_{k}", CheckpointFiles.EmaModel));
            Assert.That(ema.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (key, want) in expected)
                Assert.That(ema[key], Is.EqualTo(want).Within(2e-6), $"{key} after iter {k}");
        }

        // With these decays the EMA is the plain mean of the initial model and every iterate: an independent check.
        var iterates = Enumerable.Range(1, 4).Select(k => Values(Path.Combine(setup.SaveDir, $"iter_{k}", CheckpointFiles.Model))).Prepend(initial).ToList();
        var last = Values(Path.Combine(setup.SaveDir, "iter_4", CheckpointFiles.EmaModel));
        Assert.Multiple(() =>
        {
            foreach (var key in last.Keys)
                Assert.That(last[key], Is.EqualTo(last[key].Select((_, i) => iterates.Average(it => it[key][i])).ToArray()).Within(2e-6), key);
            Assert.That(last.Keys, Has.Some.EndsWith("_mean").And.Some.EndsWith("_variance"), "BN running statistics are averaged");
            var bnMean = last.Keys.First(k => k.EndsWith("_mean", StringComparison.Ordinal));
            Assert.That(iterates[4][bnMean], Is.Not.EqualTo(initial[bnMean]), "the BN statistics moved during training");
            Assert.That(last[bnMean], Is.Not.EqualTo(iterates[4][bnMean]), "the EMA differs from the last iterate");
        });
    }

    [Test]
    public void The_EMA_is_evaluated_separately_saved_as_ema_best_model_and_leaves_training_unchanged()
    {
        using var setup = new TrainingSetup();
        var plain = Path.Combine(setup.Root, "plain");
        var (m0, o0) = TrainingSetup.ModelAndOptimizer(3);
        using (m0)
        using (o0)
            setup.Trainer(m0, o0, setup.Options(3, 1) with { SaveDir = plain }).Run();

        // The score is the first conv weight's mean, so the evaluator sees which weights it was given.
        var seen = new List<double>();
        var evaluator = new DelegateEvaluator((model, _) =>
        {
            var score = model.state_dict().First().Value.mean().item<float>();
            seen.Add(score);
            return new EvaluationResult(3, score, 0.9, 0.1, 0.2, [score, score], [1, 1], [1, 1], [1, 1]);
        });
        var log = new StringWriter();
        var (m, o) = TrainingSetup.ModelAndOptimizer(3);
        using (m)
        using (o)
        {
            setup.Trainer(m, o, setup.Options(3, 1) with { UseEma = true }, log, evaluator).Run();
            Assert.That(m.training, Is.True);
        }

        var ema = Enumerable.Range(1, 3).Select(k => Values(Path.Combine(setup.SaveDir, $"iter_{k}", CheckpointFiles.EmaModel)).First().Value.Average()).ToList();
        var model = Enumerable.Range(1, 3).Select(k => Values(Path.Combine(setup.SaveDir, $"iter_{k}", CheckpointFiles.Model)).First().Value.Average()).ToList();
        Assert.Multiple(() =>
        {
            for (var k = 1; k <= 3; k++)
                Assert.That(CheckpointAssert.Digest(Path.Combine(setup.SaveDir, $"iter_{k}", CheckpointFiles.Model)),
                    Is.EqualTo(CheckpointAssert.Digest(Path.Combine(plain, $"iter_{k}", CheckpointFiles.Model))), $"iter {k}: the EMA must not change the model's training");
            Assert.That(seen, Is.EqualTo(new[] { model[0], ema[0], model[1], ema[1], model[2], ema[2] }).Within(1e-6), "the model, then the EMA, at every evaluation");
            var bestEma = Enumerable.Range(0, 3).MaxBy(i => ema[i]);
            var folder = Path.Combine(setup.SaveDir, CheckpointFiles.EmaBestModel);
            Assert.That(CheckpointAssert.Digest(Path.Combine(folder, CheckpointFiles.EmaModel)),
                Is.EqualTo(CheckpointAssert.Digest(Path.Combine(setup.SaveDir, $"iter_{bestEma + 1}", CheckpointFiles.EmaModel))));
            Assert.That(CheckpointStore.ReadState(Path.Combine(setup.SaveDir, "iter_3")).BestEmaIteration, Is.EqualTo(bestEma + 1));
            Assert.That(log.ToString(), Does.Contain($"[EVAL] The EMA model with the best validation mIoU ({ema[bestEma].ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}) was saved at iter {bestEma + 1}."));
            var types = File.ReadLines(Path.Combine(setup.SaveDir, TrainingMetricsLog.FileName)).Select(l => (string?)JsonNode.Parse(l)!["type"]).Where(t => t != "train");
            Assert.That(types, Is.EqualTo(new[] { "eval", "ema_eval", "eval", "ema_eval", "eval", "ema_eval" }));
        });

        // --model_path takes ema_best_model (its ema_model.safetensors) like any checkpoint folder.
        using var fresh = new TinySegModel();
        PretrainedWeights.Load(fresh, Path.Combine(setup.SaveDir, CheckpointFiles.EmaBestModel), TextWriter.Null, strict: true);
        Assert.That(Values(fresh.state_dict()), Is.EqualTo(Values(Path.Combine(setup.SaveDir, CheckpointFiles.EmaBestModel, CheckpointFiles.EmaModel))));
    }

    [Test]
    public void A_resumed_run_with_EMA_is_bit_identical_to_an_uninterrupted_one()
    {
        using var setup = new TrainingSetup(images: 5);
        var whole = Path.Combine(setup.Root, "whole");
        var (m1, o1) = TrainingSetup.ModelAndOptimizer(6);
        using (m1)
        using (o1)
            setup.Trainer(m1, o1, setup.Options(6, 3) with { SaveDir = whole, UseEma = true }).Run();

        var split = Path.Combine(setup.Root, "split");
        var (m2, o2) = TrainingSetup.ModelAndOptimizer(6);
        using (m2)
        using (o2)
            setup.Trainer(m2, o2, setup.Options(3, 3) with { SaveDir = split, UseEma = true }).Run();
        var (m3, o3) = TrainingSetup.ModelAndOptimizer(6);
        using (m3)
        using (o3)
            setup.Trainer(m3, o3, setup.Options(6, 3) with { SaveDir = split, UseEma = true, ResumeFrom = Path.Combine(split, "iter_3") }).Run();

        Assert.Multiple(() =>
        {
            Assert.That(CheckpointAssert.Digest(Path.Combine(split, "iter_6", CheckpointFiles.EmaModel)),
                Is.EqualTo(CheckpointAssert.Digest(Path.Combine(whole, "iter_6", CheckpointFiles.EmaModel))), "EMA weights and BN statistics");
            Assert.That(CheckpointAssert.Digest(Path.Combine(split, "iter_6", CheckpointFiles.Model)),
                Is.EqualTo(CheckpointAssert.Digest(Path.Combine(whole, "iter_6", CheckpointFiles.Model))));
            Assert.That(CheckpointAssert.Digest(Path.Combine(whole, "iter_6", CheckpointFiles.EmaModel)),
                Is.Not.EqualTo(CheckpointAssert.Digest(Path.Combine(whole, "iter_3", CheckpointFiles.EmaModel))));
        });
    }

    [Test]
    public void Resuming_a_checkpoint_without_EMA_starts_the_EMA_from_the_resumed_weights_with_a_warning()
    {
        using var setup = new TrainingSetup();
        var (m1, o1) = TrainingSetup.ModelAndOptimizer(4);
        using (m1)
        using (o1)
            setup.Trainer(m1, o1, setup.Options(2, 2)).Run();
        var log = new StringWriter();
        var (m2, o2) = TrainingSetup.ModelAndOptimizer(4);
        using (m2)
        using (o2)
            setup.Trainer(m2, o2, setup.Options(3, 1) with { UseEma = true, ResumeFrom = Path.Combine(setup.SaveDir, "iter_2") }, log).Run();

        // ema = 0.75·model_2 + 0.25·model_3 (d at step 3 is 0.75).
        var model2 = Values(Path.Combine(setup.SaveDir, "iter_2", CheckpointFiles.Model));
        var model3 = Values(Path.Combine(setup.SaveDir, "iter_3", CheckpointFiles.Model));
        var ema = Values(Path.Combine(setup.SaveDir, "iter_3", CheckpointFiles.EmaModel));
        Assert.That(log.ToString(), Does.Contain($"has no {CheckpointFiles.EmaModel}"));
        foreach (var key in ema.Keys)
            Assert.That(ema[key], Is.EqualTo(model2[key].Select((v, i) => 0.75 * v + 0.25 * model3[key][i]).ToArray()).Within(2e-6), key);
    }

    private static Dictionary<string, double[]> Values(string path)
    {
        using var file = SafeTensors.Load(path);
        return Values(file.Tensors);
    }

    private static Dictionary<string, double[]> Values(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        using var scope = torch.NewDisposeScope();
        return tensors.ToDictionary(kv => kv.Key, kv => kv.Value.to(ScalarType.Float64).contiguous().data<double>());
    }
}
