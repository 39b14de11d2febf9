using System.Globalization;
using Seg.Core.Training;
using Seg.Reports.Samples;

namespace Seg.Reports.TensorBoard;

/// <summary>
/// <c>--use_vdl</c>: the trainer's log as TensorBoard scalars and images, with PaddleSeg's VisualDL tags (Train/loss,
/// Train/lr, Train/batch_cost, Train/reader_cost, Evaluate/mIoU, Evaluate/Acc) plus Train/ips, one Train/loss_i:Name
/// per loss term, Evaluate/Kappa, Evaluate/Dice, Evaluate/IoU/{class} and Evaluate/sample_k (image | prediction | label).
/// A write that fails (disk full) is reported once and stops the TensorBoard log, not the training.
/// </summary>
public sealed class TensorBoardSink(TensorBoardWriter writer, IReadOnlyList<string>? classNames, ValidationSampler? samples, TextWriter? warnings) : ITrainingSink
{
    private bool failed;

    public void Train(TrainLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Guard(() =>
        {
            writer.AddScalar("Train/loss", entry.Loss, entry.Iteration);
            foreach (var (name, value) in entry.Terms) writer.AddScalar($"Train/{name}", value, entry.Iteration);
            writer.AddScalar("Train/lr", entry.LearningRate, entry.Iteration);
            writer.AddScalar("Train/batch_cost", entry.BatchCost, entry.Iteration);
            writer.AddScalar("Train/reader_cost", entry.ReaderCost, entry.Iteration);
            writer.AddScalar("Train/ips", entry.Ips, entry.Iteration);
        });
    }

    public void Eval(EvalLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var r = entry.Result;
        Guard(() =>
        {
            writer.AddScalar("Evaluate/mIoU", r.MeanIoU, entry.Iteration);
            writer.AddScalar("Evaluate/Acc", r.Accuracy, entry.Iteration);
            writer.AddScalar("Evaluate/Kappa", r.Kappa, entry.Iteration);
            writer.AddScalar("Evaluate/Dice", r.MeanDice, entry.Iteration);
            for (var c = 0; c < r.ClassIoU.Count; c++) writer.AddScalar($"Evaluate/IoU/{ClassTag(c)}", r.ClassIoU[c], entry.Iteration);
            var rendered = SampleSafely.Render(samples, entry, warnings);
            for (var k = 0; k < rendered.Count; k++)
                writer.AddImage(string.Create(CultureInfo.InvariantCulture, $"Evaluate/sample_{k}"), rendered[k].Png, rendered[k].Height, rendered[k].Width, entry.Iteration);
        });
    }

    /// <summary>The per-class tag: the class id, and its name when the dataset has names ("3_car").</summary>
    public string ClassTag(int c)
    {
        var id = c.ToString(CultureInfo.InvariantCulture);
        return classNames is not null && c < classNames.Count ? $"{id}_{classNames[c]}" : id;
    }

    private void Guard(Action write)
    {
        if (failed) return;
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failed = true;
            warnings?.WriteLine($"warning: TensorBoard log {writer.FilePath}: {e.Message}; no more TensorBoard events are written (training goes on)");
        }
    }
}
