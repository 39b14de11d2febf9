using Seg.Core.Evaluation;
using Seg.Reports.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace Seg.Reports.Tests.Plots;

public class ConfusionMatrixPlotTests
{
    private static readonly long[,] Matrix = { { 6, 2, 0 }, { 1, 3, 0 }, { 0, 0, 0 } };

    [Test]
    public void The_heat_map_holds_the_row_shares_with_class_names_on_both_axes()
    {
        var plot = ConfusionMatrixPlot.Build(Matrix, ["road", "sky", "car, parked"]);
        var heatmap = plot.GetPlottables().OfType<Heatmap>().Single();
        plot.GetImage(ConfusionMatrixPlot.Side(3), ConfusionMatrixPlot.Side(3)).Dispose(); // ticks are generated when drawn
        Assert.That(heatmap.Intensities, Is.EqualTo(new double[,] { { 0.75, 0.25, 0 }, { 0.25, 0.75, 0 }, { 0, 0, 0 } }));
        Assert.That(Labels(plot.Axes.Bottom), Is.EqualTo(new[] { (0.5, "road"), (1.5, "sky"), (2.5, "car, parked") }));
        // Row 0 is drawn at the top, so the left axis names it at the highest position.
        Assert.That(Labels(plot.Axes.Left), Is.EqualTo(new[] { (2.5, "road"), (1.5, "sky"), (0.5, "car, parked") }));
        var cellTexts = plot.GetPlottables().OfType<Text>().Select(t => (t.Location.X, t.Location.Y, t.LabelText)).ToList();
        Assert.That(cellTexts, Does.Contain((0.5, 2.5, "0.75")).And.Contain((1.5, 2.5, "0.25")).And.Contain((1.5, 1.5, "0.75")));
    }

    [Test]
    public void Large_matrices_name_every_kth_class()
    {
        var n = 150;
        var matrix = new long[n, n];
        for (var i = 0; i < n; i++) matrix[i, (i * 7) % n] = 1 + i;
        var plot = ConfusionMatrixPlot.Build(matrix, null);
        plot.GetImage(ConfusionMatrixPlot.Side(n), ConfusionMatrixPlot.Side(n)).Dispose();
        var expected = Enumerable.Range(0, n).Where(i => i % 3 == 0).Select(i => (i + 0.5, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.That(Labels(plot.Axes.Bottom), Is.EqualTo(expected));
        Assert.That(plot.GetPlottables().OfType<Text>(), Is.Empty, "no cell text beyond 20 classes");
    }

    [Test]
    public void The_png_decodes_at_its_size_and_is_not_blank()
    {
        var dir = Directory.CreateTempSubdirectory("seg-cm-").FullName;
        try
        {
            var png = Path.Combine(dir, "sub", "confusion_matrix.png");
            ConfusionMatrixPlot.Write(png, Matrix, null);
            PngCheck.DecodesAndIsNotBlank(png, ConfusionMatrixPlot.Side(3), ConfusionMatrixPlot.Side(3), 0.1);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void The_csv_reads_back_as_written()
    {
        var dir = Directory.CreateTempSubdirectory("seg-cmcsv-").FullName;
        try
        {
            var csv = Path.Combine(dir, "confusion_matrix.csv");
            EvaluationFiles.WriteConfusionMatrixCsv(csv, Matrix, ["road", "sky \"x\"", "car, parked"]);
            var (matrix, names) = ConfusionMatrixCsv.Read(csv);
            Assert.That(matrix, Is.EqualTo(Matrix));
            Assert.That(names, Is.EqualTo(new[] { "road", "sky \"x\"", "car, parked" }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Bad_matrices_are_refused()
    {
        Assert.That(() => ConfusionMatrixPlot.Build(new long[2, 2], ["a"]), Throws.ArgumentException.With.Message.Contains("1 class names"));
        Assert.That(() => ConfusionMatrixPlot.Build(new long[2, 3], null), Throws.ArgumentException);
        Assert.That(() => ConfusionMatrixPlot.RowShares(new long[,] { { -1 } }), Throws.ArgumentException.With.Message.Contains("negative"));
    }

    private static List<(double, string)> Labels(IAxis axis) =>
        axis.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => (t.Position, t.Label)).ToList();
}
