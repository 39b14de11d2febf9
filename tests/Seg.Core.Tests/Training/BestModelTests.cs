using System.Text.Json.Nodes;
using Seg.Core.Checkpoints;
using Seg.Core.Evaluation;
using Seg.Core.Training;

namespace Seg.Core.Tests.Training;

// best_model/ follows strictly better mIoU, with PaddleSeg's [EVAL] line after every evaluation.
public class BestModelTests
{
    [Test]
    public void BestModelIsSavedOnStrictlyBetterMeanIoU()
    {
        using var setup = new TrainingSetup();
        double[] mious = [0.3, 0.5, 0.5, 0.4];
        var calls = 0;
        var modes = new List<bool>();
        var evaluator = new DelegateEvaluator((model, _) =>
        {
            modes.Add(model.training);
            var miou = mious[calls++];
            return new EvaluationResult(3, miou, 0.9, 0.1, 0.2, [miou, miou], [1, 1], [1, 1], [1, 1]);
        });
        var log = new StringWriter();
        var (m, o) = TrainingSetup.ModelAndOptimizer(4);
        TrainingResult result;
        using (m)
        using (o)
        {
            result = setup.Trainer(m, o, setup.Options(4, 1), log, evaluator).Run();
            Assert.That(m.training, Is.True, "train mode restored after evaluation");
        }
        Assert.Multiple(() =>
        {
            Assert.That(modes, Is.EqualTo(new[] { false, false, false, false }), "evaluated in eval mode");
            Assert.That(result.BestMeanIoU, Is.EqualTo(0.5));
            Assert.That(result.BestIteration, Is.EqualTo(2), "0.5 again at iter 3 is not strictly better");
            var best = CheckpointStore.ReadState(Path.Combine(setup.SaveDir, CheckpointFiles.BestModel), requireOptimizer: false);
            Assert.That(best.Iteration, Is.EqualTo(2));
            Assert.That(CheckpointAssert.Digest(Path.Combine(setup.SaveDir, CheckpointFiles.BestModel, CheckpointFiles.Model)),
                Is.EqualTo(CheckpointAssert.Digest(Path.Combine(setup.SaveDir, "iter_2", CheckpointFiles.Model))));
            var lines = log.ToString().Split('\n').Where(l => l.Contains("[EVAL]", StringComparison.Ordinal)).Select(l => l.Split('\t')[1].TrimEnd()).ToList();
            Assert.That(lines, Is.EqualTo(new[]
            {
                "[EVAL] The model with the best validation mIoU (0.3000) was saved at iter 1.",
                "[EVAL] The model with the best validation mIoU (0.5000) was saved at iter 2.",
                "[EVAL] The model with the best validation mIoU (0.5000) was saved at iter 2.",
                "[EVAL] The model with the best validation mIoU (0.5000) was saved at iter 2.",
            }));
            Assert.That(CheckpointStore.ReadState(Path.Combine(setup.SaveDir, "iter_4")).BestMeanIoU, Is.EqualTo(0.5), "state.json carries the best metric");
            var evals = File.ReadLines(Path.Combine(setup.SaveDir, TrainingMetricsLog.FileName)).Select(l => JsonNode.Parse(l)!).Where(j => (string?)j["type"] == "eval").ToList();
            Assert.That(evals.Select(j => j["miou"]!.GetValue<double>()), Is.EqualTo(mious));
            Assert.That(evals[0]["class_iou"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }
}
