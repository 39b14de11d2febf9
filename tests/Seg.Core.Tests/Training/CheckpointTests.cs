using Seg.Core.Checkpoints;
using Seg.Core.Training;
using Seg.Core.Progress;

namespace Seg.Core.Tests.Training;

// keep_checkpoint_max, atomic writes and the NaN stop.
public class CheckpointTests
{
    [Test]
    public void KeepCheckpointMaxKeepsTheNewestOfThisRunOnly()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(8);
        using (m)
        using (o)
        {
            setup.Trainer(m, o, setup.Options(3, 1, keep: 0)).Run();
            Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_1", "iter_2", "iter_3" }), "≤ 0 keeps all");
            setup.Trainer(m, o, setup.Options(7, 1, keep: 2) with { ResumeFrom = Path.Combine(setup.SaveDir, "iter_3") }).Run();
        }
        Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_1", "iter_2", "iter_3", "iter_6", "iter_7" }),
            "only this run's checkpoints are removed, oldest first; those from before the resume stay");
    }

    [Test]
    public void AFailedSaveLeavesNoPartialCheckpointAndNoTempFolder()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(4);
        using (m)
        using (o)
        {
            setup.Trainer(m, o, setup.Options(2, 2)).Run();
            Assert.That(Directory.GetFileSystemEntries(setup.SaveDir).Select(Path.GetFileName), Has.None.StartsWith(CheckpointFiles.TempPrefix));
            var before = CheckpointAssert.Digest(Path.Combine(setup.SaveDir, "iter_2", CheckpointFiles.Model));
            m.BreakSaving();
            Assert.That(() => CheckpointStore.Save(setup.SaveDir, "iter_4", m, o, new CheckpointState { Iteration = 4 }), Throws.Exception);
            Assert.That(() => CheckpointStore.Save(setup.SaveDir, "iter_2", m, o, new CheckpointState { Iteration = 2 }), Throws.Exception);
            Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_2" }), "neither a partial iter_4 nor a temp folder");
            Assert.That(CheckpointAssert.Digest(Path.Combine(setup.SaveDir, "iter_2", CheckpointFiles.Model)), Is.EqualTo(before), "a failed overwrite keeps the old checkpoint");
            CheckpointStore.Check(Path.Combine(setup.SaveDir, "iter_2"));
        }
    }

    [Test]
    public void NonFiniteLossStopsNamingTheIterationAndKeepsTheLastGoodCheckpoint()
    {
        using var setup = new TrainingSetup();
        var (m, o) = TrainingSetup.ModelAndOptimizer(8);
        var log = new StringWriter();
        TrainingResult result;
        using (m)
        using (o)
            result = setup.Trainer(m, o, setup.Options(8, 2), log, loss: new NanAtCallLoss(5)).Run();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.NonFiniteLoss));
            Assert.That(result.LastIteration, Is.EqualTo(4));
            Assert.That(result.Message, Does.Contain("at iter 5").And.Contain("NaN").And.Contain("loss_0:NanAtCallLoss = NaN"));
            Assert.That(result.Message, Does.Contain(Path.Combine(setup.SaveDir, "iter_4")));
            Assert.That(log.ToString(), Does.Contain("[ERROR]").And.Contain("at iter 5"));
            Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_2", "iter_4" }), "nothing saved for the bad iteration");
        });
    }

    [Test]
    public void CancellationFinishesTheIterationAndSavesIt()
    {
        using var setup = new TrainingSetup();
        using var cts = new CancellationTokenSource();
        var (m, o) = TrainingSetup.ModelAndOptimizer(10);
        TrainingResult result;
        using (m)
        using (o)
            result = setup.Trainer(m, o, setup.Options(10, 4), progress: new CancelAt(3, cts)).Run(cts.Token);
        Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.Cancelled));
        Assert.That(result.LastIteration, Is.EqualTo(3));
        Assert.That(setup.Folders(), Is.EqualTo(new[] { "iter_3" }));
        Assert.That(CheckpointStore.ReadState(Path.Combine(setup.SaveDir, "iter_3")).Iteration, Is.EqualTo(3));
    }

    private sealed class CancelAt(int iteration, CancellationTokenSource cts) : IJobProgress
    {
        public void Start(int done, int total) { }

        public void Report(int i, string? status = null)
        {
            if (i == iteration) cts.Cancel();
        }

        public void Dispose() { }
    }
}
