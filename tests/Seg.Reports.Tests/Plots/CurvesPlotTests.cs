using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Reports.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace Seg.Reports.Tests.Plots;

public class CurvesPlotTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-curves-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    // A train_log.jsonl written by the trainer's own writer: 6 [TRAIN] lines with two loss terms, 2 evaluations.
    private string WriteLog()
    {
        using var log = new TrainingMetricsLog(dir);
        for (var i = 1; i <= 6; i++)
        {
            var terms = new Dictionary<string, double> { ["loss_0:CrossEntropyLoss"] = 1.0 / i, ["loss_1:DiceLoss"] = 0.5 / i };
            log.Train(i * 10, 1, 1.5 / i, terms, 0.01 * (1 - (i / 10.0)), 0.2 + (i * 0.01), 0.01, 40 + i, 100);
            if (i % 3 == 0) log.Eval(i * 10, 1, new EvaluationResult(4, 0.1 * i, 0.5 + (0.05 * i), 0.3, 0.4, [0.1, 0.2], [0, 0], [0, 0], [0, 0]));
        }
        return log.Path;
    }

    [Test]
    public void The_reader_returns_what_the_trainer_logged()
    {
        var log = TrainLogReader.Read(WriteLog());
        Assert.That(log.Train.Select(p => p.Iteration), Is.EqualTo(new[] { 10, 20, 30, 40, 50, 60 }));
        Assert.That(log.Train.Select(p => p.Loss), Is.EqualTo(Enumerable.Range(1, 6).Select(i => 1.5 / i)));
        Assert.That(log.Train.Select(p => p.Terms["loss_1:DiceLoss"]), Is.EqualTo(Enumerable.Range(1, 6).Select(i => 0.5 / i)));
        Assert.That(log.TermNames, Is.EqualTo(new[] { "loss_0:CrossEntropyLoss", "loss_1:DiceLoss" }));
        Assert.That(log.Eval.Select(e => (e.Iteration, e.MeanIoU)), Is.EqualTo(new[] { (30, 0.1 * 3), (60, 0.1 * 6) }));
        Assert.That(log.Eval[0].ClassIoU, Is.EqualTo(new[] { 0.1, 0.2 }));
    }

    [Test]
    public void The_plotted_series_are_the_logged_values()
    {
        var log = TrainLogReader.Read(WriteLog());
        var multiplot = CurvesPlot.Build(log);

        var loss = Series(multiplot.GetPlot(0));
        Assert.That(loss.Keys, Is.EqualTo(new[] { "loss", "loss_0:CrossEntropyLoss", "loss_1:DiceLoss" }));
        Assert.That(loss["loss"], Is.EqualTo(log.Train.Select(p => ((double)p.Iteration, p.Loss))));
        Assert.That(loss["loss_0:CrossEntropyLoss"], Is.EqualTo(log.Train.Select(p => ((double)p.Iteration, p.Terms["loss_0:CrossEntropyLoss"]))));
        Assert.That(loss["loss_1:DiceLoss"], Is.EqualTo(log.Train.Select(p => ((double)p.Iteration, p.Terms["loss_1:DiceLoss"]))));
        Assert.That(Series(multiplot.GetPlot(1))["lr"], Is.EqualTo(log.Train.Select(p => ((double)p.Iteration, p.LearningRate))));
        var eval = Series(multiplot.GetPlot(2));
        Assert.That(eval["mIoU"], Is.EqualTo(new[] { (30.0, 0.1 * 3), (60.0, 0.1 * 6) }));
        Assert.That(eval["Acc"], Is.EqualTo(new[] { (30.0, 0.5 + (0.05 * 3)), (60.0, 0.5 + (0.05 * 6)) }));
    }

    [Test]
    public void Curves_png_decodes_at_its_size_and_is_not_blank()
    {
        var png = Path.Combine(dir, CurvesPlot.FileName);
        CurvesPlot.Write(png, TrainLogReader.Read(WriteLog()));
        PngCheck.DecodesAndIsNotBlank(png, CurvesPlot.Width, CurvesPlot.Height);
    }

    [Test]
    public void A_log_without_evaluations_still_plots()
    {
        using (var log = new TrainingMetricsLog(dir)) log.Train(10, 1, 1.0, new Dictionary<string, double>(), 0.01, 0.1, 0.01, 10, 0);
        var png = Path.Combine(dir, CurvesPlot.FileName);
        CurvesPlot.Write(png, TrainLogReader.Read(Path.Combine(dir, TrainingMetricsLog.FileName)));
        PngCheck.DecodesAndIsNotBlank(png, CurvesPlot.Width, CurvesPlot.Height);
    }

    private static Dictionary<string, List<(double, double)>> Series(Plot plot) =>
        plot.GetPlottables().OfType<Scatter>().ToDictionary(s => s.LegendText, s => s.Data.GetScatterPoints().Select(c => (c.X, c.Y)).ToList());
}
