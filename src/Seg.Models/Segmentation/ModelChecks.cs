using Seg.Core.Contracts;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>What PSPNet, DeepLabV3 and OCRNet share: checking backbone_indices and running backbone, head and the final resize.</summary>
internal static class ModelChecks
{
    /// <summary>The channels of the backbone outputs at <paramref name="indices"/>, which must be <paramref name="count"/> valid indices.</summary>
    internal static long[] BackboneChannels(Backbone backbone, IReadOnlyList<int> indices, params int[] count)
    {
        var available = backbone.FeatChannels.Count;
        if (!count.Contains(indices.Count))
            throw new ArgumentException($"backbone_indices: needs {string.Join(" or ", count)} values, got {indices.Count}");
        if (indices.Any(i => i < 0 || i >= available))
            throw new ArgumentException($"backbone_indices: [{string.Join(", ", indices)}] is out of range; the backbone has {available} output(s), so each index must be in [0, {available - 1}]");
        return [.. indices.Select(i => backbone.FeatChannels[i])];
    }

    /// <summary>backbone → head → the first <paramref name="keep"/> logits resized to the input (bilinear).</summary>
    internal static Tensor[] ResizedLogits(Backbone backbone, Func<Tensor[], Tensor[]> head, Tensor input, bool alignCorners, int keep)
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
            foreach (var logit in logits.Take(keep)) outputs.Add(Resize.To(logit, size, ResizeMode.Bilinear, alignCorners));
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
