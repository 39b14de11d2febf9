using Seg.Torch;

namespace Seg.Core.Visualization;

/// <summary>PaddleSeg's <c>visualize.visualize</c> and <c>get_pseudo_color_map</c> on tensors (CPU).</summary>
public static class Visualize
{
    /// <summary>The weight of the image in the overlay (PaddleSeg's <c>weight=0.6</c>).</summary>
    public const double ImageWeight = 0.6;

    /// <summary>
    /// RGB uint8 [H, W, 3]: each class id of <paramref name="prediction"/> ([H, W], integer, values below the palette
    /// size) coloured by the flat RGB <paramref name="paletteRgb"/>.
    /// </summary>
    public static Tensor PseudoColor(Tensor prediction, ReadOnlySpan<byte> paletteRgb)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.dim() != 2) throw new ArgumentException($"a prediction is [H, W], got [{string.Join(", ", prediction.shape)}]", nameof(prediction));
        if (paletteRgb.Length == 0 || paletteRgb.Length % 3 != 0) throw new ArgumentException("the palette must hold RGB triples", nameof(paletteRgb));
        using var scope = torch.NewDisposeScope();
        var colors = torch.from_span(paletteRgb, [paletteRgb.Length / 3, 3], ScalarType.Byte);
        var ids = prediction.cpu().to(ScalarType.Int64).flatten();
        var entries = paletteRgb.Length / 3;
        if (ids.numel() > 0 && (ids.min().item<long>() < 0 || ids.max().item<long>() >= entries))
            throw new ArgumentException($"the prediction holds class ids outside the palette's 0..{entries - 1}", nameof(prediction));
        var rgb = colors.index_select(0, ids).reshape(prediction.shape[0], prediction.shape[1], 3);
        return rgb.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <c>cv2.addWeighted(image, weight, color, 1 - weight, 0)</c> on uint8 [H, W, 3] images of the same size
    /// (rounded to nearest, saturated), the overlay of PaddleSeg's added_prediction.
    /// </summary>
    public static Tensor Blend(Tensor image, Tensor color, double weight = ImageWeight)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(color);
        if (!image.shape.SequenceEqual(color.shape))
            throw new ArgumentException($"cannot blend images of shapes [{string.Join(", ", image.shape)}] and [{string.Join(", ", color.shape)}]");
        using var scope = torch.NewDisposeScope();
        var a = image.to(ScalarType.Float64) * weight;
        var b = color.to(ScalarType.Float64) * (1 - weight);
        var blended = (a + b).round().clamp(0, 255).to(ScalarType.Byte);
        return blended.MoveToOuterDisposeScope();
    }
}
