using System.Globalization;
using System.Text.RegularExpressions;
using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Reports.Plots;
using Seg.Reports.Report;
using Seg.Reports.Samples;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Reports.Tests.Report;

public partial class RunReportTests
{
    private static readonly string[] Names = ["road", "<sky>", "car & bus"];
    private static readonly EvaluationResult Result =
        new(5, 0.5123, 0.8765, 0.6543, 0.6, [0.25, 0.5, 0.7869], [0.3, 0.6, 0.8], [0.4, 0.7, 0.9], [0.35, 0.65, 0.85])
        {
            ConfusionMatrix = new long[,] { { 50, 10, 0 }, { 5, 30, 5 }, { 0, 2, 20 } },
        };

    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-report-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private RunReportContent Content()
    {
        using (var log = new TrainingMetricsLog(dir))
        {
            for (var i = 1; i <= 4; i++) log.Train(i * 5, 1, 1.0 / i, new Dictionary<string, double> { ["loss_0:CrossEntropyLoss"] = 1.0 / i }, 0.01, 0.1, 0.01, 20, 0);
            log.Eval(20, 1, Result);
        }
        var curves = Path.Combine(dir, CurvesPlot.FileName);
        CurvesPlot.Write(curves, TrainLogReader.Read(log_path()));
        var matrix = Path.Combine(dir, "confusion_matrix.png");
        ConfusionMatrixPlot.Write(matrix, Result.ConfusionMatrix!, Names);
        byte[] sample;
        using (var scope = torch.NewDisposeScope())
            sample = ImageIO.encode_png(torch.randint(0, 256, [40, 120, 3], ScalarType.Byte), rgb: true);
        return new RunReportContent
        {
            Title = "Seg training run: test",
            ResolvedConfig = "batch_size: 2\nmodel:\n  type: PPLiteSeg\n",
            CurvesPng = File.ReadAllBytes(curves),
            Evaluation = Result,
            EvaluationIteration = 20,
            ClassNames = Names,
            ConfusionMatrixPng = File.ReadAllBytes(matrix),
            Samples = [new ValidationSample("0001.png", sample, 120, 40), new ValidationSample("0002.png", sample, 120, 40)],
            Timings = [new("wall time (h:mm:ss)", "0:01:02"), new("mean ips (samples/s)", "20.0000")],
        };

        string log_path() => Path.Combine(dir, TrainingMetricsLog.FileName);
    }

    [Test]
    public void The_page_is_self_contained_and_holds_every_part()
    {
        var html = RunReport.Render(Content());

        Assert.That(html, Does.Contain("<table id=\"per-class\">"));
        Assert.That(html, Does.Contain("<td>&lt;sky&gt;</td>").And.Contain("<td>car &amp; bus</td>"), "class names are escaped");
        Assert.That(html, Does.Contain("<td class=\"num\">0.7869</td>"));
        Assert.That(html, Does.Contain("<td class=\"num\">0.5123</td><td class=\"num\">0.8765</td><td class=\"num\">0.6543</td>"));
        Assert.That(html, Does.Contain("type: PPLiteSeg"));
        Assert.That(html, Does.Contain("0:01:02"));
        var sources = SourceAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(sources, Has.Count.EqualTo(4), "curves, confusion matrix and two samples");
        Assert.That(sources, Has.All.StartWith("data:image/png;base64,"), "every image is inlined");
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<script"));
    }

    [Test]
    [Category("Chromium")]
    public void Headless_chromium_renders_the_report_with_its_table()
    {
        if (HeadlessChromium.Executable is null)
            Assert.Ignore("chromium is not installed (Debian package 'chromium'; scripts/bootstrap.sh --with-test-deps installs it)");
        var page = Path.Combine(dir, RunReport.FileName);
        RunReport.Write(page, Content());
        var profile = Path.Combine(dir, "chromium-profile");

        var dom = HeadlessChromium.DumpDom(page, profile);
        var table = PerClassTable().Match(dom);
        Assert.That(table.Success, Is.True, "table#per-class in the rendered DOM");
        var rows = RowPattern().Matches(table.Value).Select(m => CellPattern().Matches(m.Value).Select(c => c.Groups[1].Value).ToList()).Where(r => r.Count > 0).ToList();
        Assert.That(rows, Has.Count.EqualTo(3));
        for (var c = 0; c < 3; c++)
        {
            var expected = new[] { c.ToString(CultureInfo.InvariantCulture), System.Net.WebUtility.HtmlEncode(Names[c]) }
                .Concat(new[] { Result.ClassIoU[c], Result.ClassPrecision[c], Result.ClassRecall[c], Result.ClassDice[c] }.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)));
            Assert.That(rows[c], Is.EqualTo(expected), $"row {c}");
        }
        Assert.That(dom, Does.Contain("id=\"curves\"").And.Contain("id=\"confusion-matrix\"").And.Contain("id=\"samples\""));

        var screenshot = Path.Combine(dir, "report.png");
        HeadlessChromium.Screenshot(page, profile, screenshot, 1200, 2400);
        PngCheck.DecodesAndIsNotBlank(screenshot, 1200, 2400, 0.05);
        TestContext.Out.WriteLine($"screenshot: {new FileInfo(screenshot).Length} bytes, {PngCheckInk(screenshot):P1} of the pixels not background; per-class rows: {string.Join(" | ", rows.Select(r => string.Join(',', r)))}");
    }

    private static double PngCheckInk(string path)
    {
        using var scope = torch.NewDisposeScope();
        return PngCheck.InkShare(ImageIO.decode_image(File.ReadAllBytes(path)));
    }

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("<table id=\"per-class\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex PerClassTable();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
