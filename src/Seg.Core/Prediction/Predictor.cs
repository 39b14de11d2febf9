using System.Diagnostics;
using Seg.Core.Data;
using Seg.Core.Data.Transforms;
using Seg.Core.Progress;
using Seg.Torch;

namespace Seg.Core.Prediction;

/// <summary>
/// PaddleSeg's <c>core/predict.py</c> loop (paddleseg/core/predict.py::predict): each image read through the val transforms (BGR → RGB,
/// transforms, trans_info recorded; no label), its logits from <see cref="ImageLogits"/>, argmax, and the three
/// output files (<see cref="PredictionOutputs"/>).
/// </summary>
public sealed class Predictor(Compose transforms, ImageLogits logits, PredictionOutputs outputs)
{
    public Compose Transforms { get; } = transforms ?? throw new ArgumentNullException(nameof(transforms));

    public PredictionOutputs Outputs { get; } = outputs ?? throw new ArgumentNullException(nameof(outputs));

    /// <summary>Started with the number of images and told after each (the per-image lines in the log are the plain progress).</summary>
    public IJobProgress? Progress { get; init; }

    private readonly ImageLogits logits = logits ?? throw new ArgumentNullException(nameof(logits));

    /// <summary>Predicts every image of <paramref name="images"/>; progress lines ("[3/10] a.png 0.12s") go to <paramref name="log"/>.</summary>
    public IReadOnlyList<PredictionFiles> Run(ImageList images, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var written = new List<PredictionFiles>(images.Images.Count);
        var total = images.Images.Count;
        Progress?.Start(0, total);
        for (var i = 0; i < total; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var path = images.Images[i];
            var relative = images.RelativeName(path);
            written.Add(PredictOne(path, relative));
            log?.WriteLine(FormattableString.Invariant($"[{i + 1}/{total}] {relative} {watch.Elapsed.TotalSeconds:F2}s"));
            Progress?.Report(i + 1, relative);
        }
        return written;
    }

    /// <summary>Predicts one image and writes its files under <paramref name="relativeName"/>.</summary>
    public PredictionFiles PredictOne(string imagePath, string relativeName)
    {
        using var scope = torch.NewDisposeScope();
        var prediction = Predict(imagePath);
        return Outputs.Write(imagePath, relativeName, prediction);
    }

    /// <summary>The class-id map [H, W] (int64, CPU) of one image at its original size.</summary>
    public Tensor Predict(string imagePath)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        using var scope = torch.NewDisposeScope();
        using var sample = Transforms.Load(imagePath, labelPath: null, labelIsGtField: false);
        // Val transforms normally draw nothing; one that does gets a fixed seed, so predictions are repeatable.
        Transforms.Apply(sample, new SampleRandom(0, 0, 0));
        var image = sample.Image.unsqueeze(0);
        Tensor result;
        using (torch.inference_mode())
        {
            var l = logits(image, sample.TransInfo);
            if (l.dim() != 4 || l.shape[0] != 1)
                throw new InvalidOperationException($"logits of one image must be [1, K, H, W], got [{string.Join(", ", l.shape)}]");
            result = l.argmax(1).squeeze(0).cpu();
        }
        // A normal tensor for the caller (an inference tensor cannot be changed in place outside inference mode).
        return result.clone().MoveToOuterDisposeScope();
    }
}
