using Seg.Core.Contracts;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>backbone_indices: how many a model takes, and (once the backbone is known) that each names one of its outputs.</summary>
internal static class BackboneIndicesCheck
{
    internal static (string Key, string Reason)? Validate(IReadOnlyList<int> indices, Backbone? backbone, string meaning, params int[] counts)
    {
        const string key = "backbone_indices";
        if (!counts.Contains(indices.Count))
            return (key, $"needs {string.Join(" or ", counts)} value(s): {meaning}; got {OptionsValidation.List(indices)}.");
        var available = backbone?.FeatChannels.Count ?? int.MaxValue;
        if (indices.Any(i => i < 0 || i >= available))
        {
            var range = backbone is null ? "non-negative" : $"in [0, {available - 1}] ({backbone.GetType().Name} has {available} output(s))";
            return (key, $"{OptionsValidation.List(indices)} is out of range: each index must be {range}.");
        }
        return null;
    }
}
