using Seg.Core.Progress;

namespace Seg.Core.Tests.Progress;

public class PlainProgressTests
{
    [Test]
    public void PrintsAboutTheAskedNumberOfLinesWithTheEtaOfTheMeanStep()
    {
        using var output = new StringWriter();
        var clock = new SteppingClock();
        using var progress = new PlainProgress(output, "[EVAL]", "images", lines: 4, clock);

        progress.Start(0, 10);
        for (var done = 1; done <= 10; done++)
        {
            clock.Advance(TimeSpan.FromSeconds(1.5));
            progress.Report(done, $"image {done}");
        }

        // step = 10 / 4 = 2: every second image, each 1.5 s, so the ETA is 1.5 s × the images left (truncated).
        Assert.That(Lines(output), Is.EqualTo(new[]
        {
            "[EVAL] 2/10 images | ETA 00:00:12",
            "[EVAL] 4/10 images | ETA 00:00:09",
            "[EVAL] 6/10 images | ETA 00:00:06",
            "[EVAL] 8/10 images | ETA 00:00:03",
            "[EVAL] 10/10 images | ETA 00:00:00",
        }));
    }

    [Test]
    public void AResumedJobTimesOnlyTheStepsItRanAndAlwaysPrintsTheLast()
    {
        using var output = new StringWriter();
        var clock = new SteppingClock();
        using var progress = new PlainProgress(output, "[PSSL]", "images", lines: 2, clock);

        clock.Advance(TimeSpan.FromHours(1)); // time before Start does not count
        progress.Start(95, 101);
        clock.Advance(TimeSpan.FromSeconds(20));
        progress.Report(100); // 100 % 50 == 0: 5 steps in 20 s, 1 left
        progress.Report(100); // the same count twice prints once
        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Report(101); // the last, though 101 % 50 != 0

        Assert.That(Lines(output), Is.EqualTo(new[] { "[PSSL] 100/101 images | ETA 00:00:04", "[PSSL] 101/101 images | ETA 00:00:00" }));
    }

    [Test]
    public void ZeroLinesAndSilentPrintNothing()
    {
        using var output = new StringWriter();
        using (var none = new PlainProgress(output, "train", "iters", lines: 0))
        {
            none.Start(0, 3);
            for (var i = 1; i <= 3; i++) none.Report(i);
        }
        using (var silent = PlainProgress.Silent(output))
        {
            silent.Start(0, 1);
            silent.Report(1);
        }

        Assert.That(output.ToString(), Is.Empty);
    }

    [Test]
    public void NegativeLinesAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PlainProgress(TextWriter.Null, "x", "y", lines: -1));

    private static string[] Lines(StringWriter output) => output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
