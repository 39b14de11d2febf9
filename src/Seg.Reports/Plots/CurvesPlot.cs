using ScottPlot;

namespace Seg.Reports.Plots;

/// <summary>
/// <c>curves.png</c>: three panels sharing the iteration axis: the loss (total and each term) by [TRAIN] line, the
/// learning rate, and mIoU (with accuracy) by evaluation.
/// </summary>
public static class CurvesPlot
{
    public const string FileName = "curves.png";
    public const int Width = 1000;
    public const int Height = 900;

    /// <summary>The three panels (loss, lr, mIoU), their series labelled with the log's names.</summary>
    public static Multiplot Build(TrainLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        var (loss, lr, miou) = (multiplot.GetPlot(0), multiplot.GetPlot(1), multiplot.GetPlot(2));
        var iterations = log.Train.Select(p => (double)p.Iteration).ToArray();

        Line(loss, iterations, log.Train.Select(p => p.Loss), "loss");
        foreach (var term in log.TermNames)
        {
            var points = log.Train.Where(p => p.Terms.ContainsKey(term)).ToList();
            Line(loss, points.Select(p => (double)p.Iteration).ToArray(), points.Select(p => p.Terms[term]), term);
        }
        Panel(loss, "loss", log.Train.Count == 0 ? "no [TRAIN] line yet" : null);

        Line(lr, iterations, log.Train.Select(p => p.LearningRate), "lr");
        Panel(lr, "learning rate", log.Train.Count == 0 ? "no [TRAIN] line yet" : null);

        var evals = log.Eval.Select(e => (double)e.Iteration).ToArray();
        Line(miou, evals, log.Eval.Select(e => e.MeanIoU), "mIoU");
        Line(miou, evals, log.Eval.Select(e => e.Accuracy), "Acc");
        Panel(miou, "evaluation", log.Eval.Count == 0 ? "no evaluation (train with --do_eval)" : null);
        miou.XLabel("iteration");
        ShareIterationAxis([loss, lr, miou], log);
        return multiplot;
    }

    /// <summary>Reads <paramref name="trainLogPath"/> and writes the curves to <paramref name="pngPath"/>.</summary>
    public static void Write(string pngPath, TrainLog log)
    {
        ArgumentNullException.ThrowIfNull(pngPath);
        Build(log).SavePng(pngPath, Width, Height);
    }

    // The three panels show the same iteration range, so an evaluation lines up with the loss above it.
    private static void ShareIterationAxis(Plot[] panels, TrainLog log)
    {
        var all = log.Train.Select(p => p.Iteration).Concat(log.Eval.Select(e => e.Iteration)).ToList();
        if (all.Count == 0) return;
        var (low, high) = (all.Min(), all.Max());
        var pad = Math.Max(0.5, (high - low) * 0.03);
        foreach (var plot in panels)
        {
            if (plot.GetPlottables().Any(p => p is ScottPlot.Plottables.Scatter)) plot.Axes.SetLimitsX(low - pad, high + pad);
        }
    }

    private static void Line(Plot plot, double[] xs, IEnumerable<double> values, string label)
    {
        var ys = values.ToArray();
        if (xs.Length == 0) return;
        var scatter = plot.Add.Scatter(xs, ys);
        scatter.LegendText = label;
        scatter.MarkerSize = xs.Length > 50 ? 0 : 4;
    }

    private static void Panel(Plot plot, string title, string? empty)
    {
        plot.YLabel(title);
        if (empty is not null)
        {
            var text = plot.Add.Text(empty, 0.5, 0.5);
            text.LabelAlignment = Alignment.MiddleCenter;
            plot.Axes.SetLimits(0, 1, 0, 1);
            return;
        }
        plot.ShowLegend(Alignment.UpperRight);
    }
}
