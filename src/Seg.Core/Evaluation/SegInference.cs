using Seg.Core.Contracts;
using Seg.Core.Data;
using Seg.Torch;
using F = Seg.Torch.torch.nn.functional;

namespace Seg.Core.Evaluation;

/// <summary>PaddleSeg's infer.inference / aug_inference / slide_inference (paddleseg/core/infer.py; aug_inference as v2.8+ or, with <see cref="InferenceOptions.AugLegacy"/>, as v2.7).</summary>
public static class SegInference
{
    /// <summary>Sliding-window canvases larger than this many elements are accumulated on the CPU.</summary>
    public const long CpuCanvasThreshold = 64L * 1024 * 1024;

    /// <summary>
    /// Logits [1, K, h, w] of one normalised image [1, C, H, W] (the model in eval mode, under no_grad), brought back
    /// to the original size through <paramref name="transInfo"/> (walked in reverse: resize → bilinear, padding → crop).
    /// </summary>
    public static Tensor Logits(SegModel model, Tensor image, IReadOnlyList<TransInfo> transInfo, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var logits = options.AugEval ? Augmented(model, image, options) : Single(model, image, options);
        return ReverseTransform(logits, transInfo);
    }

    /// <summary>Class ids [1, h, w] (int64): the argmax of <see cref="Logits"/>.</summary>
    public static Tensor Predict(SegModel model, Tensor image, IReadOnlyList<TransInfo> transInfo, InferenceOptions options)
    {
        using var logits = Logits(model, image, transInfo, options);
        return logits.argmax(1);
    }

    /// <summary>Logits at the input's size: <c>model(im)[0]</c>, or the sliding window when <see cref="InferenceOptions.IsSlide"/>.</summary>
    public static Tensor Single(SegModel model, Tensor image, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsSlide)
        {
            options.Validate();
            return Slide(model, image, options.CropSize!.Value, options.Stride!.Value);
        }
        return First(model, image);
    }

    /// <summary>
    /// aug_inference without the reverse transform. For each scale the input is resized to int(H·s+0.5)×int(W·s+0.5)
    /// (bilinear, align_corners false); each flip combination is inferred (<see cref="Single"/>, so sliding windows
    /// apply inside each scale), flipped back and resized to H×W.
    /// <list type="bullet">
    /// <item>PaddleSeg v2.8.0+ (default): every scale is resized from the original input; the raw logits are averaged
    /// over len(scales)·len(flips).</item>
    /// <item>v2.7.0 and earlier (<see cref="InferenceOptions.AugLegacy"/>): each scale is resized from the previous
    /// scale's image (<c>im = F.interpolate(im, ...)</c>); the softmax of each pass is summed, not averaged.</item>
    /// </list>
    /// </summary>
    public static Tensor Augmented(SegModel model, Tensor image, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var (h, w) = (image.shape[2], image.shape[3]);
        var flips = FlipCombinations(options.FlipHorizontal, options.FlipVertical);
        var legacy = options.AugLegacy;
        Tensor? sum = null;
        var source = image.alias();
        try
        {
            foreach (var scale in options.Scales)
            {
                using var scope = torch.NewDisposeScope();
                var scaled = F.interpolate(source, [(long)(h * scale + 0.5), (long)(w * scale + 0.5)], mode: InterpolationMode.Bilinear, align_corners: false);
                if (legacy)
                {
                    source.Dispose();
                    source = scaled.DetachFromDisposeScope();
                }
                foreach (var flip in flips)
                {
                    using var pass = torch.NewDisposeScope();
                    var logit = Flip(Single(model, Flip(scaled, flip), options), flip);
                    var back = F.interpolate(logit, [h, w], mode: InterpolationMode.Bilinear, align_corners: false);
                    var term = legacy ? back.softmax(1) : back;
                    if (sum is null) sum = term.DetachFromDisposeScope();
                    else sum.add_(term);
                }
            }
            if (legacy) return sum!.alias();
            return sum!.div(options.Scales.Count * flips.Count);
        }
        finally
        {
            source.Dispose();
            sum?.Dispose();
        }
    }

    /// <summary>
    /// slide_inference: windows of <paramref name="crop"/> every <paramref name="stride"/> (rows = ceil((H−h)/s)+1,
    /// the last window shifted back to the edge, never padded), raw logits summed in a float64 canvas and divided by
    /// the per-pixel count. Large canvases live on the CPU.
    /// </summary>
    public static Tensor Slide(SegModel model, Tensor image, (int Width, int Height) crop, (int Width, int Height) stride)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (hImg, wImg) = (image.shape[2], image.shape[3]);
        var rows = hImg > crop.Height ? CeilDiv(hImg - crop.Height, stride.Height) + 1 : 1;
        var cols = wImg > crop.Width ? CeilDiv(wImg - crop.Width, stride.Width) + 1 : 1;
        Tensor? canvas = null;
        using var count = torch.zeros([1, 1, hImg, wImg], ScalarType.Float64);
        try
        {
            for (long r = 0; r < rows; r++)
                for (long c = 0; c < cols; c++)
                {
                    var h2 = Math.Min(r * stride.Height + crop.Height, hImg);
                    var w2 = Math.Min(c * stride.Width + crop.Width, wImg);
                    var h1 = Math.Max(h2 - crop.Height, 0);
                    var w1 = Math.Max(w2 - crop.Width, 0);
                    using var scope = torch.NewDisposeScope();
                    var window = image.narrow(2, h1, h2 - h1).narrow(3, w1, w2 - w1);
                    var logit = First(model, window);
                    if (canvas is null)
                    {
                        var k = logit.shape[1];
                        var device = k * hImg * wImg > CpuCanvasThreshold ? Device.CPU : logit.device;
                        canvas = torch.zeros([1, k, hImg, wImg], ScalarType.Float64, device).DetachFromDisposeScope();
                    }
                    canvas.narrow(2, h1, h2 - h1).narrow(3, w1, w2 - w1).add_(logit.to(canvas.device, ScalarType.Float64));
                    count.narrow(2, h1, h2 - h1).narrow(3, w1, w2 - w1).add_(1);
                }
            using (var zero = count.eq(0).any())
                if (zero.item<bool>())
                    throw new InvalidOperationException("There are pixel not predicted. It is possible that stride is greater than crop_size");
            using var mean = canvas!.div(count.to(canvas.device));
            return mean.to(image.device, ScalarType.Float32);
        }
        finally
        {
            canvas?.Dispose();
        }
    }

    /// <summary>reverse_transform: trans_info walked backwards, resize → bilinear to (h, w), padding → crop [0:h, 0:w].</summary>
    public static Tensor ReverseTransform(Tensor logits, IReadOnlyList<TransInfo> transInfo)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(transInfo);
        var current = logits.alias();
        for (var i = transInfo.Count - 1; i >= 0; i--)
        {
            var info = transInfo[i];
            var next = info.Kind switch
            {
                TransInfoKind.Resize => F.interpolate(current, [info.Height, info.Width], mode: InterpolationMode.Bilinear, align_corners: false),
                TransInfoKind.Padding => current.narrow(2, 0, info.Height).narrow(3, 0, info.Width),
                _ => throw new InvalidOperationException($"Unexpected info '{info.Kind}' in im_info"),
            };
            current.Dispose();
            current = next;
        }
        return current;
    }

    /// <summary>PaddleSeg's flip_combination: (F,F), then (T,F) if horizontal, (F,T) if vertical, (T,T) if both.</summary>
    public static IReadOnlyList<(bool Horizontal, bool Vertical)> FlipCombinations(bool horizontal, bool vertical)
    {
        var result = new List<(bool, bool)> { (false, false) };
        if (horizontal) result.Add((true, false));
        if (vertical) result.Add((false, true));
        if (horizontal && vertical) result.Add((true, true));
        return result;
    }

    private static Tensor Flip(Tensor t, (bool Horizontal, bool Vertical) flip) => flip switch
    {
        (false, false) => t,
        (true, false) => t.flip(3),
        (false, true) => t.flip(2),
        _ => t.flip(2, 3),
    };

    private static Tensor First(SegModel model, Tensor image)
    {
        ArgumentNullException.ThrowIfNull(model);
        var outputs = model.call(image);
        if (outputs.Length == 0) throw new InvalidOperationException($"{model.GetType().Name} returned no logits; a model must return a list of logits");
        for (var i = 1; i < outputs.Length; i++) outputs[i].Dispose();
        return outputs[0];
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
