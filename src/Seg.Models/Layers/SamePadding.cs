namespace Seg.Models.Layers;

/// <summary>
/// Paddle's padding='same' (padding_algorithm SAME): the output has ceil(size / stride) pixels and the padding
/// total max((out - 1)·stride + kernel - size, 0) is split with the smaller half before, so a stride-2 3×3 conv
/// on an even size pads only after (right, bottom). Stride 1 with an odd kernel is symmetric (kernel / 2).
/// </summary>
internal static class SamePadding
{
    /// <summary>(before, after) for one spatial dimension.</summary>
    internal static (long Before, long After) For(long size, long kernelSize, long stride)
    {
        var output = (size + stride - 1) / stride;
        var total = Math.Max((output - 1) * stride + kernelSize - size, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>The input zero-padded for a padding-0 conv, or null when no padding is needed.</summary>
    internal static Tensor? Apply(Tensor input, long kernelSize, long stride)
    {
        var shape = input.shape;
        var (top, bottom) = For(shape[^2], kernelSize, stride);
        var (left, right) = For(shape[^1], kernelSize, stride);
        if (top == 0 && bottom == 0 && left == 0 && right == 0) return null;
        return torch.nn.functional.pad(input, [left, right, top, bottom]);
    }
}
