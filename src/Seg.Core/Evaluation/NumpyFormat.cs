using System.Globalization;
using System.Text;

namespace Seg.Core.Evaluation;

// How PaddleSeg's log prints np.round(values, 4) under np.set_printoptions(suppress=True): "[0.9123 0.8    1.    ]",
// the entries padded to a common width and wrapped at 75 characters.
internal static class NumpyFormat
{
    internal static string Array(IReadOnlyList<double> values)
    {
        var parts = values.Select(v => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture)).Select(s => s.Contains('.', StringComparison.Ordinal) ? s : s + ".").ToList();
        var intWidth = parts.Count == 0 ? 0 : parts.Max(p => p.IndexOf('.', StringComparison.Ordinal));
        var fracWidth = parts.Count == 0 ? 0 : parts.Max(p => p.Length - p.IndexOf('.', StringComparison.Ordinal) - 1);
        var cells = parts.Select(p =>
        {
            var dot = p.IndexOf('.', StringComparison.Ordinal);
            return p[..dot].PadLeft(intWidth) + "." + p[(dot + 1)..].PadRight(fracWidth);
        }).ToList();
        var text = new StringBuilder("[");
        var line = 1;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i] + (i == cells.Count - 1 ? "]" : "");
            if (i > 0)
            {
                if (line + 1 + cell.Length > 75)
                {
                    while (text[^1] == ' ') text.Length--;
                    text.Append('\n').Append(' ');
                    line = 1;
                }
                else
                {
                    text.Append(' ');
                    line++;
                }
            }
            text.Append(cell);
            line += cell.Length;
        }
        if (cells.Count == 0) text.Append(']');
        return text.ToString();
    }
}
