using Seg.Core.Contracts;
using Seg.Core.Data;
using Seg.Core.Data.Datasets;
using Seg.Core.Evaluation;
using Seg.Core.Visualization;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Reports.Samples;

/// <summary>
/// A few validation images (spread evenly over the dataset) through the model: each rendered as image | prediction |
/// label, class colours from PaddleSeg's palette, ignored label pixels black, scaled down to at most
/// <see cref="MaxPanelHeight"/> pixels high. The last rendering is kept per iteration so several sinks share it.
/// </summary>
public sealed class ValidationSampler
{
    private readonly SegDataset dataset;
    private readonly InferenceOptions options;
    private int? cachedIteration;
    private IReadOnlyList<ValidationSample> cached = [];

    public ValidationSampler(SegDataset dataset, InferenceOptions options, int count = 4)
    {
        this.dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Indices = Spread(dataset.Count, count);
    }

    public const int MaxPanelHeight = 240;

    /// <summary>The dataset indices rendered.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>The samples for <paramref name="iteration"/>, rendered once per iteration.</summary>
    public IReadOnlyList<ValidationSample> For(int iteration, SegModel model)
    {
        if (cachedIteration != iteration)
        {
            cached = Render(model);
            cachedIteration = iteration;
        }
        return cached;
    }

    /// <summary>Renders every sample with <paramref name="model"/> (eval mode and no_grad for the call; the mode is restored).</summary>
    public IReadOnlyList<ValidationSample> Render(SegModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            return Indices.Select(i => RenderOne(model, i)).OfType<ValidationSample>().ToList();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private ValidationSample? RenderOne(SegModel model, int index)
    {
        using var scope = torch.NewDisposeScope();
        using var sample = dataset.GetSample(index, new SampleRandom(0, 0, index));
        if (sample.Label is not { } label || label.dim() != 2) return null; // no label, or an RGB label
        var device = model.parameters().FirstOrDefault()?.device ?? Device.CPU;
        var prediction = SegInference.Predict(model, sample.Image.unsqueeze(0).to(device), sample.TransInfo, options)[0].cpu();
        var truth = label.to(ScalarType.Int64);
        if (!prediction.shape.SequenceEqual(truth.shape)) return null;
        var palette = Palette(dataset.IgnoreIndex);
        var image = ImageIO.bgr_to_rgb(ImageIO.read_image(sample.ImagePath));
        var height = truth.shape[0];
        var width = truth.shape[1];
        if (image.shape[0] != height || image.shape[1] != width) image = ImageOps.resize(image, width, height);
        var panels = new[]
        {
            image,
            Visualize.PseudoColor(prediction.clamp(0, ColorMap.PaletteSize - 1), palette),
            Visualize.PseudoColor(truth.clamp(0, ColorMap.PaletteSize - 1), palette),
        };
        if (height > MaxPanelHeight)
        {
            var w = Math.Max(1, width * MaxPanelHeight / height);
            panels = [ImageOps.resize(panels[0], w, MaxPanelHeight, ImageInterpolation.Area),
                ImageOps.resize(panels[1], w, MaxPanelHeight, ImageInterpolation.Nearest),
                ImageOps.resize(panels[2], w, MaxPanelHeight, ImageInterpolation.Nearest)];
        }
        var composite = torch.cat(panels.ToList(), 1).contiguous();
        var png = ImageIO.encode_png(composite, rgb: true);
        return new ValidationSample(Path.GetFileName(sample.ImagePath), png, (int)composite.shape[1], (int)composite.shape[0]);
    }

    // PaddleSeg's 256-entry palette with the ignore index painted black.
    private static byte[] Palette(int ignoreIndex)
    {
        var palette = ColorMap.GetColorMapList(ColorMap.PaletteSize);
        if (ignoreIndex is >= 0 and < ColorMap.PaletteSize) palette.AsSpan(ignoreIndex * 3, 3).Clear();
        return palette;
    }

    private static int[] Spread(int total, int count) =>
        Enumerable.Range(0, Math.Min(total, count)).Select(k => (int)((long)k * total / Math.Min(total, count))).ToArray();
}
