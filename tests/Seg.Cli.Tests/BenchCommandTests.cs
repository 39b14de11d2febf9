using System.Globalization;
using System.Text.RegularExpressions;

namespace Seg.Cli.Tests;

// `seg bench train|eval`: runs a config's model on random data and reports images/s and peak RSS; bad input is one line.
public class BenchCommandTests
{
    private static string Config => Path.Combine(TestPaths.RepoRoot, "configs", "pp_liteseg", "pp_liteseg_stdc1_camvid_480x360_10k.yml");

    [TestCase("train")]
    [TestCase("eval")]
    public void Reports_images_per_second_and_a_tsv_line(string mode)
    {
        var run = SegRun.Of("bench", mode, "--config", Config, "--size", "64", "96", "--batch", "2", "--threads", "1", "--warmup", "0", "--steps", "1", "--tsv");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Match($@"bench {mode} PPLiteSeg 64x96 batch 2 fp32, 1 threads: [0-9.]+ images/s \([0-9.]+ s/step, median of 1 after 0 warm-up\), peak RSS [0-9]+ MiB"));
        var tsv = run.Output.Split('\n').Single(l => l.StartsWith("seg\t", StringComparison.Ordinal)).Split('\t');
        Assert.That(tsv[1], Is.EqualTo($"{mode}_pp_liteseg_stdc1_camvid_480x360_10k_64x96_b2"), "named by the config (PP-LiteSeg-T and -B are one model class)");
        Assert.That(double.Parse(tsv[3], CultureInfo.InvariantCulture), Is.GreaterThan(0));
        Assert.That(long.Parse(tsv[6], CultureInfo.InvariantCulture), Is.GreaterThan(0), "peak RSS");
    }

    [Test]
    public void Eval_unfolded_runs_the_batch_norms_separately_and_names_the_case()
    {
        var run = SegRun.Of("bench", "eval", "--config", Config, "--size", "64", "64", "--batch", "1", "--threads", "1", "--warmup", "0", "--steps", "1", "--tsv", "--unfolded");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var tsv = run.Output.Split('\n').Single(l => l.StartsWith("seg\t", StringComparison.Ordinal)).Split('\t');
        Assert.That(tsv[1], Is.EqualTo("eval_pp_liteseg_stdc1_camvid_480x360_10k_64x64_b1_unfolded"));
    }

    [Test]
    public void A_missing_config_or_a_bad_size_is_one_line_and_exit_1()
    {
        var missing = SegRun.Of("bench", "train", "--config", "no/such.yml");
        Assert.That(missing.ExitCode, Is.EqualTo(1));
        Assert.That(missing.Error.Trim(), Does.StartWith("seg bench train: error: --config").And.Not.Contain("\n"));

        var size = SegRun.Of("bench", "eval", "--config", Config, "--size", "0", "64");
        Assert.That(size.ExitCode, Is.EqualTo(1));
        Assert.That(Regex.IsMatch(size.Error, "--size must be positive"), Is.True, size.Error);
    }
}
