using System.Globalization;
using ScottPlot;

namespace Seg.Reports.Plots;

/// <summary>
/// The confusion matrix (rows: label, columns: prediction) as a row-normalised heat map with the class names on both
/// axes, a colour bar, and each cell's share written in it when there are at most <see cref="MaxAnnotated"/> classes.
/// Rows without pixels stay at 0.
/// </summary>
public static class ConfusionMatrixPlot
{
    public const int MaxAnnotated = 20;

    /// <summary>Up to this many classes every one is named on the axes; beyond, every k-th.</summary>
    public const int MaxLabelled = 60;

    /// <summary>Each row divided by its sum (0 for an empty row).</summary>
    public static double[,] RowShares(long[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        if (n == 0 || matrix.GetLength(1) != n) throw new ArgumentException($"a confusion matrix is square and not empty, got {matrix.GetLength(0)}x{matrix.GetLength(1)}", nameof(matrix));
        var shares = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            long total = 0;
            for (var c = 0; c < n; c++)
            {
                if (matrix[r, c] < 0) throw new ArgumentException($"negative count {matrix[r, c]} at ({r}, {c})", nameof(matrix));
                total += matrix[r, c];
            }
            for (var c = 0; c < n; c++) shares[r, c] = total == 0 ? 0 : (double)matrix[r, c] / total;
        }
        return shares;
    }

    /// <summary>The side of the square PNG: grows with the class count, 600 to 2400 pixels.</summary>
    public static int Side(int n) => Math.Clamp(260 + (40 * n), 600, 2400);

    public static Plot Build(long[,] matrix, IReadOnlyList<string>? classNames)
    {
        var shares = RowShares(matrix);
        var n = shares.GetLength(0);
        if (classNames is not null && classNames.Count != n)
            throw new ArgumentException($"{classNames.Count} class names for a {n}x{n} confusion matrix", nameof(classNames));
        var names = classNames ?? Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.Extent = new CoordinateRect(0, n, 0, n); // row 0 at the top: label r spans y in [n - r - 1, n - r]
        // Every class is named up to MaxLabelled classes; beyond, every k-th (a 1001-class PSSL matrix stays legible).
        var step = (n + MaxLabelled - 1) / MaxLabelled;
        var labelled = Enumerable.Range(0, n).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(labelled.Select(i => i + 0.5).ToArray(), labelled.Select(i => names[i]).ToArray());
        plot.Axes.Left.SetTicks(labelled.Select(i => n - i - 0.5).ToArray(), labelled.Select(i => names[i]).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.SetLimits(0, n, 0, n);
        plot.XLabel("prediction");
        plot.YLabel("label");
        plot.Title("confusion matrix (share of each label row)");
        plot.Add.ColorBar(heatmap);
        if (n <= MaxAnnotated)
        {
            for (var r = 0; r < n; r++)
            {
                for (var c = 0; c < n; c++)
                {
                    var text = plot.Add.Text(shares[r, c].ToString("0.00", CultureInfo.InvariantCulture), c + 0.5, n - r - 0.5);
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontColor = shares[r, c] > 0.5 ? Colors.White : Colors.Black;
                    text.LabelFontSize = 11;
                }
            }
        }
        return plot;
    }

    /// <summary>Writes the heat map PNG (folders created).</summary>
    public static void Write(string pngPath, long[,] matrix, IReadOnlyList<string>? classNames)
    {
        ArgumentNullException.ThrowIfNull(pngPath);
        var plot = Build(matrix, classNames);
        var dir = Path.GetDirectoryName(Path.GetFullPath(pngPath));
        if (dir is not null) Directory.CreateDirectory(dir);
        var side = Side(matrix.GetLength(0));
        plot.SavePng(pngPath, side, side);
    }
}
