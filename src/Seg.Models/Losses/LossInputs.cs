using System.Globalization;
using Seg.Torch;

namespace Seg.Models.Losses;

// Shape checks and label preparation shared by the losses.
internal static class LossInputs
{
    /// <summary>Labels as int64 [N, H, W] whose batch and spatial sizes must equal the logits'.</summary>
    internal static Tensor Labels(Tensor labels, long n, long h, long w, string loss)
    {
        var label = Labels(labels, loss);
        if (label.shape is [var ln, var lh, var lw] && ln == n && lh == h && lw == w) return label;
        label.Dispose();
        throw new ArgumentException($"{loss}: labels {Text(labels.shape)} do not match the logits (batch {n}, size {h}x{w}); resize the logits to the label size first");
    }

    /// <summary>Labels as int64 [N, H, W]; a [N, 1, H, W] label is squeezed (PaddleSeg's losses accept both).</summary>
    internal static Tensor Labels(Tensor labels, string loss)
    {
        var squeezed = labels.shape switch
        {
            [_, _, _] => labels.alias(),
            [_, 1, _, _] => labels.squeeze(1),
            _ => throw new ArgumentException($"{loss}: labels must be [N, H, W] (or [N, 1, H, W]), got {Text(labels.shape)}"),
        };
        if (squeezed.dtype == ScalarType.Int64) return squeezed;
        using (squeezed) return squeezed.to(ScalarType.Int64);
    }

    internal static long[] Logits4D(Tensor logits, string loss) =>
        logits.shape is { Length: 4 } s ? s : throw new ArgumentException($"{loss}: logits must be 4-D, got {Text(logits.shape)}");

    /// <summary>PaddleSeg's check that the class weights (when set) number the classes.</summary>
    internal static void CheckWeightCount(IReadOnlyList<float>? weight, long classes, string loss)
    {
        if (weight is { } weights && weights.Count != classes)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{loss}: The number of weights = {weights.Count} must be the same as the number of classes = {classes}."));
    }

    internal static Tensor? ClassWeights(IReadOnlyList<float>? weight, Tensor like) =>
        weight is null ? null : torch.tensor(weight.ToArray(), dtype: like.dtype, device: like.device);

    internal static string Text(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
