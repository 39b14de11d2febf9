using System.Text.Json.Nodes;
using Seg.Core.Checkpoints;
using Seg.Core.Training;

namespace Seg.Core.Tests.Training;

// 6 iterations in one go vs 3 + resume to 6: the same weights, optimizer state and schedule, bit for bit.
public class ResumeTests
{
    [Test]
    public void ResumedRunIsBitIdenticalToUninterrupted()
    {
        using var setup = new TrainingSetup(images: 5); // 2 batches per epoch: iter 3 stops mid-epoch
        var whole = Path.Combine(setup.Root, "whole");
        var (m1, o1) = TrainingSetup.ModelAndOptimizer(6);
        using (m1)
        using (o1)
        {
            var r = setup.Trainer(m1, o1, setup.Options(6, 3) with { SaveDir = whole }).Run();
            Assert.That(r.Outcome, Is.EqualTo(TrainingOutcome.Completed));
        }

        var split = Path.Combine(setup.Root, "split");
        var (m2, o2) = TrainingSetup.ModelAndOptimizer(6);
        using (m2)
        using (o2)
            setup.Trainer(m2, o2, setup.Options(3, 3) with { SaveDir = split }).Run();
        var (m3, o3) = TrainingSetup.ModelAndOptimizer(6); // a fresh process: other initial weights would be overwritten
        var log = new StringWriter();
        using (m3)
        using (o3)
        {
            var r = setup.Trainer(m3, o3, setup.Options(6, 3) with { SaveDir = split, ResumeFrom = Path.Combine(split, "iter_3") }, log).Run();
            Assert.That(r.LastIteration, Is.EqualTo(6));
        }

        Assert.Multiple(() =>
        {
            Assert.That(log.ToString(), Does.Contain("Resumed from").And.Contain("at iter 3"));
            Assert.That(log.ToString(), Does.Contain("iter: 4/6"));
            Assert.That(log.ToString(), Does.Not.Contain("iter: 3/6"));
            var a = CheckpointAssert.Digest(Path.Combine(whole, "iter_6", CheckpointFiles.Model));
            var b = CheckpointAssert.Digest(Path.Combine(split, "iter_6", CheckpointFiles.Model));
            Assert.That(b, Is.EqualTo(a), "model weights and BN statistics");
            Assert.That(CheckpointAssert.Digest(Path.Combine(whole, "iter_3", CheckpointFiles.Model)), Is.Not.EqualTo(a), "training changed the weights between iter 3 and 6");
            Assert.That(CheckpointAssert.Digest(Path.Combine(split, "iter_6", CheckpointFiles.Optimizer)),
                Is.EqualTo(CheckpointAssert.Digest(Path.Combine(whole, "iter_6", CheckpointFiles.Optimizer))), "momentum buffers");
            var sa = JsonNode.Parse(File.ReadAllText(Path.Combine(whole, "iter_6", CheckpointFiles.State)))!;
            var sb = JsonNode.Parse(File.ReadAllText(Path.Combine(split, "iter_6", CheckpointFiles.State)))!;
            Assert.That(sb.ToJsonString(), Is.EqualTo(sa.ToJsonString()));
            Assert.That(sa["lr_scheduler"]!["last_epoch"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(sa["iteration"]!.GetValue<int>(), Is.EqualTo(6));
        });
    }

    [Test]
    public void ResumeFromAFolderThatIsNotACheckpointNamesWhatIsMissing()
    {
        using var setup = new TrainingSetup();
        var folder = Path.Combine(setup.Root, "iter_9");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, CheckpointFiles.Model), "");
        var (m, o) = TrainingSetup.ModelAndOptimizer(10);
        using (m)
        using (o)
        {
            var e = Assert.Throws<CheckpointException>(() => setup.Trainer(m, o, setup.Options(10, 5) with { ResumeFrom = folder }).Run());
            Assert.That(e!.Message, Does.Contain("optimizer.safetensors").And.Contain("state.json").And.Not.Contain("missing model"));
            e = Assert.Throws<CheckpointException>(() => setup.Trainer(m, o, setup.Options(10, 5) with { ResumeFrom = Path.Combine(setup.Root, "nope") }).Run());
            Assert.That(e!.Message, Does.Contain("does not exist"));
        }
    }
}
