using Seg.Core.Progress;

namespace Seg.Core.Tests.Progress;

public class ProgressRuleTests
{
    [Test]
    public void LiveOnlyOnTheInteractiveUnredirectedConsole()
    {
        using var console = new StringWriter();
        using var file = new StringWriter();

        Assert.Multiple(() =>
        {
            Assert.That(ProgressRule.Choose(console, console, outputRedirected: false, interactive: true), Is.EqualTo(ProgressStyle.Live));
            Assert.That(ProgressRule.Choose(console, console, outputRedirected: true, interactive: true), Is.EqualTo(ProgressStyle.Plain), "redirected");
            Assert.That(ProgressRule.Choose(console, console, outputRedirected: false, interactive: false), Is.EqualTo(ProgressStyle.Plain), "not interactive");
            Assert.That(ProgressRule.Choose(file, console, outputRedirected: false, interactive: true), Is.EqualTo(ProgressStyle.Plain), "another writer");
        });
    }
}
