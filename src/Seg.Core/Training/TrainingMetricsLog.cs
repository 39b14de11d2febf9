using System.Text.Json;
using System.Text.Json.Nodes;
using Seg.Core.Evaluation;

namespace Seg.Core.Training;

/// <summary>
/// <c>save_dir/train_log.jsonl</c>: one JSON object per [TRAIN] log line (type "train") and per evaluation
/// (type "eval"), appended and flushed as they happen, so a crashed or resumed run keeps its curve.
/// </summary>
public sealed class TrainingMetricsLog : IDisposable
{
    public const string FileName = "train_log.jsonl";

    /// <summary>The <c>type</c> of an evaluation of the model.</summary>
    public const string EvalType = "eval";

    /// <summary>The <c>type</c> of an evaluation of the EMA model (<c>--use_ema</c>).</summary>
    public const string EmaEvalType = "ema_eval";

    private readonly StreamWriter writer;

    /// <summary>
    /// Opens (appends to) <c>saveDir/train_log.jsonl</c>. <paramref name="resumedAt"/>: the iteration a resumed run
    /// continues from; lines of later iterations (written by the run after that checkpoint, which the resumed run
    /// replays) are cut first, so every iteration appears once.
    /// </summary>
    public TrainingMetricsLog(string saveDir, int? resumedAt = null)
    {
        Directory.CreateDirectory(saveDir);
        Path = System.IO.Path.Combine(saveDir, FileName);
        if (resumedAt is { } iteration) CutAfter(Path, iteration);
        writer = new StreamWriter(Path, append: true) { AutoFlush = true };
    }

    public string Path { get; }

    public void Train(int iteration, long epoch, double loss, IReadOnlyDictionary<string, double> terms, double learningRate, double batchCost, double readerCost, double ips, long etaSeconds)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var losses = new JsonObject();
        foreach (var (name, value) in terms) losses[name] = Number(value);
        Write(new JsonObject
        {
            ["type"] = "train",
            ["iter"] = iteration,
            ["epoch"] = epoch,
            ["loss"] = Number(loss),
            ["losses"] = losses,
            ["lr"] = Number(learningRate),
            ["batch_cost"] = Number(batchCost),
            ["reader_cost"] = Number(readerCost),
            ["ips"] = Number(ips),
            ["eta_s"] = etaSeconds,
        });
    }

    public void Eval(int iteration, long epoch, EvaluationResult result, string type = EvalType)
    {
        ArgumentNullException.ThrowIfNull(result);
        var classIoU = new JsonArray();
        foreach (var v in result.ClassIoU) classIoU.Add(Number(v));
        Write(new JsonObject
        {
            ["type"] = type,
            ["iter"] = iteration,
            ["epoch"] = epoch,
            ["miou"] = Number(result.MeanIoU),
            ["acc"] = Number(result.Accuracy),
            ["kappa"] = Number(result.Kappa),
            ["dice"] = Number(result.MeanDice),
            ["images"] = result.ImageCount,
            ["class_iou"] = classIoU,
        });
    }

    // JSON has no NaN/Infinity: write them as strings so the line stays valid.
    private static JsonNode Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : JsonValue.Create(v.ToString(System.Globalization.CultureInfo.InvariantCulture))!;

    private void Write(JsonObject line) => writer.WriteLine(line.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

    public void Dispose() => writer.Dispose();

    // Keeps the lines up to and including `iteration` (and any line without an iteration), replacing the file atomically.
    private static void CutAfter(string path, int iteration)
    {
        if (!File.Exists(path)) return;
        var lines = File.ReadAllLines(path);
        var kept = lines.Where(line => IterationOf(line) is not { } i || i <= iteration).ToList();
        if (kept.Count == lines.Length) return;
        var temp = path + ".tmp";
        File.WriteAllLines(temp, kept);
        File.Move(temp, path, overwrite: true);
    }

    private static long? IterationOf(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject o && o["iter"] is JsonValue v && v.TryGetValue<long>(out var i) ? i : null;
        }
        catch (JsonException)
        {
            return null; // a line cut short by a crash: the replayed iterations write it again
        }
    }
}
