using System.Globalization;
using System.Net;
using System.Text;

namespace Seg.Reports.Report;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS, images as base64 data URIs, no script, nothing fetched)
/// with the run's metrics, per-class table (<c>table#per-class</c>), curves, confusion matrix, validation samples
/// (image | prediction | label), timings and resolved config.
/// </summary>
public static class RunReport
{
    public const string FileName = "report.html";

    public static void Write(string path, RunReportContent content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Render(content), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    public static string Render(RunReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{E(content.Title)}}</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #bbb; padding: 4px 10px; }
            td.num { text-align: right; font-family: monospace; }
            th { background: #e8eef6; }
            img { max-width: 100%; border: 1px solid #ddd; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
            .grid img { width: 100%; height: auto; image-rendering: pixelated; }
            figure { margin: 0; } figcaption { font-size: 0.85em; color: #555; }
            pre { background: #f6f6f6; padding: 1em; overflow: auto; font-size: 0.85em; }
            </style>
            </head>
            <body>
            <h1>{{E(content.Title)}}</h1>

            """);
        Metrics(html, content);
        Image(html, "Curves", "curves", content.CurvesPng, "loss, learning rate and mIoU by iteration");
        Image(html, "Confusion matrix", "confusion-matrix", content.ConfusionMatrixPng, "rows: label, columns: prediction, share of each row");
        Samples(html, content);
        Timings(html, content);
        if (content.ResolvedConfig is { } config)
            html.Append(CultureInfo.InvariantCulture, $"<h2>Resolved config</h2>\n<pre id=\"config\">{E(config)}</pre>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Metrics(StringBuilder html, RunReportContent content)
    {
        if (content.Evaluation is not { } r)
        {
            html.Append("<p id=\"no-evaluation\">No evaluation in this run (train with --do_eval, or run seg val --report).</p>\n");
            return;
        }
        var at = content.EvaluationIteration is { } i ? string.Create(CultureInfo.InvariantCulture, $" at iter {i}") : "";
        html.Append(CultureInfo.InvariantCulture, $"<h2>Evaluation{E(at)}</h2>\n<table id=\"metrics\">\n<tr><th>images</th><th>mIoU</th><th>Acc</th><th>Kappa</th><th>Dice</th></tr>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{r.ImageCount}</td>{Num(r.MeanIoU)}{Num(r.Accuracy)}{Num(r.Kappa)}{Num(r.MeanDice)}</tr>\n</table>\n");
        html.Append("<h2>Per class</h2>\n<table id=\"per-class\">\n<tr><th>class</th><th>name</th><th>IoU</th><th>precision</th><th>recall</th><th>Dice</th></tr>\n");
        for (var c = 0; c < r.ClassIoU.Count; c++)
        {
            var name = content.ClassNames is { } names && c < names.Count ? names[c] : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"num\">{c}</td><td>{E(name)}</td>{Num(r.ClassIoU[c])}{Num(At(r.ClassPrecision, c))}{Num(At(r.ClassRecall, c))}{Num(At(r.ClassDice, c))}</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Samples(StringBuilder html, RunReportContent content)
    {
        if (content.Samples.Count == 0) return;
        html.Append("<h2>Validation images</h2>\n<p>image | prediction | label</p>\n<div class=\"grid\" id=\"samples\">\n");
        foreach (var s in content.Samples)
            html.Append(CultureInfo.InvariantCulture,
                $"<figure><img src=\"{DataUri(s.Png)}\" width=\"{s.Width}\" height=\"{s.Height}\" alt=\"{E(s.Name)}: image, prediction, label\"><figcaption>{E(s.Name)}</figcaption></figure>\n");
        html.Append("</div>\n");
    }

    private static void Timings(StringBuilder html, RunReportContent content)
    {
        if (content.Timings.Count == 0) return;
        html.Append("<h2>Timings</h2>\n<table id=\"timings\">\n");
        foreach (var (name, value) in content.Timings) html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td class=\"num\">{E(value)}</td></tr>\n");
        html.Append("</table>\n");
    }

    private static void Image(StringBuilder html, string title, string id, byte[]? png, string caption)
    {
        if (png is null) return;
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2>\n<figure><img id=\"{id}\" src=\"{DataUri(png)}\" alt=\"{E(title)}\"><figcaption>{E(caption)}</figcaption></figure>\n");
    }

    private static double At(IReadOnlyList<double> values, int i) => i < values.Count ? values[i] : double.NaN;

    private static string Num(double v) => $"<td class=\"num\">{v.ToString("F4", CultureInfo.InvariantCulture)}</td>";

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
