using Seg.Core.Contracts;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>What PSPNet, DeepLabV3 and OCRNet share: the channels at backbone_indices and running backbone, head and the final resize.</summary>
internal static class ModelChecks
{
    /// <summary>The channels of the backbone outputs at <paramref name="indices"/> (range-checked here too, for backbones that do not declare their output count).</summary>
    internal static long[] BackboneChannels(Backbone backbone, IReadOnlyList<int> indices)
    {
        var count = backbone.FeatChannels.Count;
        if (indices.Any(i => i < 0 || i >= count))
            throw new ArgumentException($"backbone_indices: {OptionsValidation.List(indices)} is out of range: each index must be in [0, {count - 1}] ({backbone.GetType().Name} has {count} output(s)).");
        return [.. indices.Select(i => backbone.FeatChannels[i])];
    }

    /// <summary>
    /// backbone → head → the first <paramref name="keep"/> logits resized to the input (bilinear; deferred in training,
    /// see <see cref="Resize.Logits"/>).
    /// </summary>
    internal static Tensor[] ResizedLogits(Backbone backbone, Func<Tensor[], Tensor[]> head, Tensor input, bool alignCorners, int keep, bool training)
    {
        ArgumentNullException.ThrowIfNull(input);
        var size = Resize.SpatialSize(input);
        Tensor[] logits;
        var feats = backbone.call(input);
        try
        {
            logits = head(feats);
        }
        finally
        {
            foreach (var t in feats) t.Dispose();
        }
        var outputs = new List<Tensor>(logits.Length);
        try
        {
            foreach (var logit in logits.Take(keep)) outputs.Add(Resize.Logits(logit, size, training, alignCorners));
            return [.. outputs];
        }
        catch
        {
            foreach (var t in outputs) t.Dispose();
            throw;
        }
        finally
        {
            foreach (var t in logits) t.Dispose();
        }
    }
}
