using System.Globalization;
using System.Text.Json;
using Seg.Core.Training;

namespace Seg.Reports.Plots;

/// <summary>Reads <c>train_log.jsonl</c> (<see cref="TrainingMetricsLog"/>): lines that do not parse (a crash cut one short) are skipped.</summary>
public static class TrainLogReader
{
    public static TrainLog Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var train = new List<TrainLogPoint>();
        var eval = new List<EvalLogPoint>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }
            using (document)
            {
                var o = document.RootElement;
                if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty("type", out var type) || !o.TryGetProperty("iter", out var iter)) continue;
                switch (type.GetString())
                {
                    case "train":
                        var terms = new Dictionary<string, double>();
                        if (o.TryGetProperty("losses", out var losses) && losses.ValueKind == JsonValueKind.Object)
                            foreach (var p in losses.EnumerateObject()) terms[p.Name] = Number(p.Value);
                        train.Add(new TrainLogPoint(iter.GetInt32(), Number(o, "loss"), terms, Number(o, "lr"), Number(o, "batch_cost"), Number(o, "reader_cost"), Number(o, "ips")));
                        break;
                    case "eval":
                        var classIoU = o.TryGetProperty("class_iou", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().Select(Number).ToList() : [];
                        eval.Add(new EvalLogPoint(iter.GetInt32(), Number(o, "miou"), Number(o, "acc"), Number(o, "kappa"), classIoU));
                        break;
                }
            }
        }
        return new TrainLog(train, eval);
    }

    private static double Number(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? Number(v) : double.NaN;

    // TrainingMetricsLog writes NaN and infinities as strings.
    private static double Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String => double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN,
        _ => double.NaN,
    };
}
