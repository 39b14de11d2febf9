using System.Globalization;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Core.Progress;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Checking;

/// <summary>
/// Finds labels training cannot use: values outside <c>[0, num_classes)</c> other than <c>ignore_index</c>, RGB labels
/// where single-channel class ids are expected, and labels whose size differs from their image. <see cref="CheckDataset"/>
/// reads every file (<c>seg data check</c>); <see cref="CheckBatch"/> is the fast version the trainer runs on its first
/// batches, reporting in the same words.
/// </summary>
public static class LabelChecker
{
    /// <summary>Checks every label of <paramref name="dataset"/> as read (after the dataset's own label conversion).</summary>
    public static IReadOnlyList<LabelIssue> CheckDataset(SegDataset dataset, IJobProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var issues = new List<LabelIssue>();
        progress?.Start(0, dataset.Count);
        for (var i = 0; i < dataset.Count; i++)
        {
            var entry = dataset.Entries[i];
            if (entry.LabelPath is not null)
                issues.AddRange(CheckFile(entry.ImagePath, entry.LabelPath, dataset.NumClasses, dataset.IgnoreIndex, dataset.PrepareLabel));
            progress?.Report(i + 1);
        }
        return issues;
    }

    /// <summary>The problems of one image/label pair (none when it is fine).</summary>
    public static IReadOnlyList<LabelIssue> CheckFile(string imagePath, string labelPath, int numClasses, int ignoreIndex, Func<Tensor, Tensor>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        ArgumentNullException.ThrowIfNull(labelPath);
        var issues = new List<LabelIssue>();
        Tensor label;
        try
        {
            label = LabelReader.Read(labelPath);
        }
        catch (Exception e) when (e is IOException or ImageDecodeException or UnauthorizedAccessException)
        {
            return [new LabelIssue(imagePath, labelPath, $"cannot read the label: {e.Message}")];
        }
        try
        {
            if (prepare is not null && label.dim() == 2)
            {
                var prepared = prepare(label);
                if (!ReferenceEquals(prepared, label)) label.Dispose();
                label = prepared;
            }
            try
            {
                using var image = ImageIO.read_image(imagePath, ImageReadMode.Unchanged);
                if (image.shape[0] != label.shape[0] || image.shape[1] != label.shape[1])
                    issues.Add(new LabelIssue(imagePath, labelPath, $"size mismatch: the image is {image.shape[1]}x{image.shape[0]} (w x h) but the label is {label.shape[1]}x{label.shape[0]}"));
            }
            catch (Exception e) when (e is IOException or ImageDecodeException or UnauthorizedAccessException)
            {
                issues.Add(new LabelIssue(imagePath, labelPath, $"cannot read the image: {e.Message}"));
            }
            if (label.dim() == 3)
                issues.Add(new LabelIssue(imagePath, labelPath, $"an RGB label ({label.shape[2]} channels) where a single-channel label of class ids is expected; convert it (e.g. PaddleSeg's tools/data/gray2pseudo_color.py in reverse, or map colours to ids)"));
            else if (ValueProblem(label, numClasses, ignoreIndex) is { } problem)
                issues.Add(new LabelIssue(imagePath, labelPath, problem));
        }
        finally
        {
            label.Dispose();
        }
        return issues;
    }

    /// <summary>The trainer's fast check on a batch's labels ([N, H, W] int64); throws <see cref="LabelCheckException"/>.</summary>
    public static void CheckBatch(Batch batch, int numClasses, int ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Labels is null) return;
        var issues = new List<LabelIssue>();
        for (var i = 0; i < batch.Count; i++)
        {
            using var one = batch.Labels.select(0, i);
            using var cpu = one.cpu();
            if (ValueProblem(cpu, numClasses, ignoreIndex) is { } problem)
                issues.Add(new LabelIssue(batch.Files[i].ImagePath, batch.Files[i].LabelPath ?? "?", problem));
        }
        if (issues.Count > 0) throw new LabelCheckException(issues, numClasses, ignoreIndex);
    }

    /// <summary>"values 11 (1234 pixels), 40 (2 pixels) are outside [0, 11) and not ignore_index 255", or null.</summary>
    public static string? ValueProblem(Tensor label, int numClasses, int ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(label);
        using var counts = ImageOps.value_counts(label);
        var data = counts.data<long>();
        var k = data.Length / 2;
        var bad = new List<string>();
        for (var i = 0; i < k; i++)
        {
            var v = data[i];
            if ((v < 0 || v >= numClasses) && v != ignoreIndex) bad.Add(string.Create(CultureInfo.InvariantCulture, $"{v} ({data[k + i]} pixels)"));
        }
        if (bad.Count == 0) return null;
        return $"label value{(bad.Count > 1 ? "s" : "")} {string.Join(", ", bad)} {(bad.Count > 1 ? "are" : "is")} outside [0, {numClasses}) and not ignore_index {ignoreIndex}";
    }

    /// <summary>The report: one line per file, then what to do.</summary>
    public static string Describe(IReadOnlyList<LabelIssue> issues, int numClasses, int ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var lines = issues.Select(i => "  " + i).ToList();
        return $"{issues.Count} label problem{(issues.Count == 1 ? "" : "s")} (num_classes {numClasses}, ignore_index {ignoreIndex}):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}"
            + "Fix the labels, or set num_classes / ignore_index to match them (e.g. ignore_index: 11 when 11 marks unlabelled pixels).";
    }
}
