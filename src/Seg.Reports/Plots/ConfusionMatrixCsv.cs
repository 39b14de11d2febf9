using System.Globalization;
using System.Text;
using Seg.Core.Evaluation;

namespace Seg.Reports.Plots;

/// <summary>Reads <c>confusion_matrix.csv</c> as <see cref="EvaluationFiles.WriteConfusionMatrixCsv"/> writes it: the counts and the class names of its header.</summary>
public static class ConfusionMatrixCsv
{
    public static (long[,] Matrix, IReadOnlyList<string> ClassNames) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0).Select(Fields).ToList();
        if (rows.Count == 0) throw new InvalidDataException($"{path} is empty; expected a header 'label\\pred,...' and one row per class");
        var names = rows[0].Skip(1).ToList();
        var n = names.Count;
        if (n == 0 || rows.Count != n + 1) throw new InvalidDataException($"{path}: {names.Count} class columns but {rows.Count - 1} rows; expected a square matrix");
        var matrix = new long[n, n];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i + 1];
            if (row.Count != n + 1) throw new InvalidDataException($"{path}: row {i + 2} has {row.Count - 1} counts, expected {n}");
            for (var j = 0; j < n; j++)
            {
                if (!long.TryParse(row[j + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out matrix[i, j]))
                    throw new InvalidDataException($"{path}: row {i + 2}, column {j + 2}: '{row[j + 1]}' is not a count");
            }
        }
        return (matrix, names);
    }

    // One CSV line: fields split at commas, "..." quoting with "" for a quote.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
