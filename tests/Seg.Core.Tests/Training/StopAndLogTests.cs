using System.Text.Json.Nodes;
using Seg.Core.Checkpoints;
using Seg.Core.Training;

namespace Seg.Core.Tests.Training;

// Issue 12, cases 6 and 10: a stop request during evaluation saves the checkpoint without it; a resumed run's
// train_log.jsonl holds each iteration once.
public class StopAndLogTests
{
    [Test]
    public void AStopRequestDuringEvaluationSavesTheCheckpointAndEndsCancelled()
    {
        using var setup = new TrainingSetup();
        using var cts = new CancellationTokenSource();
        var evaluator = new DelegateEvaluator((_, token) =>
        {
            cts.Cancel(); // Ctrl-C arrives while the evaluation runs
            token.ThrowIfCancellationRequested();
            throw new AssertionException("the token was not the run's");
        });
        var (m, o) = TrainingSetup.ModelAndOptimizer(10);
        var log = new StringWriter();
        TrainingResult result;
        using (m)
        using (o)
            result = setup.Trainer(m, o, setup.Options(10, 2), log, evaluator).Run(cts.Token);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.Cancelled));
            Assert.That(result.LastIteration, Is.EqualTo(2));
            Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_2" }), "the checkpoint, no best_model from an evaluation that did not finish");
            Assert.That(log.ToString(), Does.Contain("the evaluation at iter 2 is skipped").And.Contain("--resume_model"));
        });
        Assert.That(CheckpointStore.ReadState(Path.Combine(setup.SaveDir, "iter_2")).Iteration, Is.EqualTo(2));
    }

    [Test]
    public void AStopRequestBeforeTheFirstIterationSavesNothing()
    {
        using var setup = new TrainingSetup();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var (m, o) = TrainingSetup.ModelAndOptimizer(10);
        TrainingResult result;
        using (m)
        using (o)
            result = setup.Trainer(m, o, setup.Options(10, 2)).Run(cts.Token);
        Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.Cancelled));
        Assert.That(result.LastIteration, Is.Zero);
        Assert.That(Directory.Exists(setup.SaveDir) ? setup.Folders() : [], Is.Empty);
    }

    [Test]
    public void ResumingCutsTheLogAtTheCheckpointSoNoIterationIsLoggedTwice()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(6);
        using (m)
        using (o)
            setup.Trainer(m, o, setup.Options(6, 2)).Run();
        var (m2, o2) = TrainingSetup.ModelAndOptimizer(6);
        using (m2)
        using (o2)
            setup.Trainer(m2, o2, setup.Options(6, 2) with { ResumeFrom = Path.Combine(setup.SaveDir, "iter_2") }).Run();
        var iters = File.ReadAllLines(Path.Combine(setup.SaveDir, TrainingMetricsLog.FileName))
            .Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(o => (string?)o["type"] == "train")
            .Select(o => (int)o["iter"]!)
            .ToList();
        Assert.That(iters, Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
    }
}
