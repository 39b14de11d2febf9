using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Seg.Core.Evaluation;

/// <summary>The files <c>seg val</c> writes: metrics.json and confusion_matrix.csv.</summary>
public static class EvaluationFiles
{
    public const string MetricsFileName = "metrics.json";

    public const string ConfusionMatrixCsvFileName = "confusion_matrix.csv";

    public const string ConfusionMatrixPngFileName = "confusion_matrix.png";

    /// <summary>
    /// metrics.json: {"images", "miou", "acc", "kappa", "dice", "classes": [{"id", "name"?, "iou", "precision",
    /// "recall", "dice"}]} plus any <paramref name="extra"/> entries (e.g. what was evaluated and how).
    /// </summary>
    public static void WriteMetricsJson(string path, EvaluationResult result, IReadOnlyList<string>? classNames = null, IReadOnlyDictionary<string, object?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("images", result.ImageCount);
        json.WriteNumber("miou", result.MeanIoU);
        json.WriteNumber("acc", result.Accuracy);
        Number(json, "kappa", result.Kappa);
        json.WriteNumber("dice", result.MeanDice);
        json.WriteStartArray("classes");
        for (var c = 0; c < result.ClassIoU.Count; c++)
        {
            json.WriteStartObject();
            json.WriteNumber("id", c);
            if (classNames is not null) json.WriteString("name", classNames[c]);
            json.WriteNumber("iou", result.ClassIoU[c]);
            json.WriteNumber("precision", result.ClassPrecision[c]);
            json.WriteNumber("recall", result.ClassRecall[c]);
            json.WriteNumber("dice", result.ClassDice[c]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (extra is not null)
            foreach (var (key, value) in extra)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value);
            }
        json.WriteEndObject();
    }

    /// <summary>confusion_matrix.csv: a header "label\pred,0,1,..." (or the class names), then one row per label class.</summary>
    public static void WriteConfusionMatrixCsv(string path, long[,] matrix, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        string Name(int c) => Csv(classNames is null ? c.ToString(CultureInfo.InvariantCulture) : classNames[c]);
        var text = new StringBuilder("label\\pred");
        for (var j = 0; j < n; j++) text.Append(',').Append(Name(j));
        text.Append('\n');
        for (var i = 0; i < n; i++)
        {
            text.Append(Name(i));
            for (var j = 0; j < n; j++) text.Append(',').Append(matrix[i, j].ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }

    // Kappa is NaN when no pixel was labelled; JSON has no NaN.
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
