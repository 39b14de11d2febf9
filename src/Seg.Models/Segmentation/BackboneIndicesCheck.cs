using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>backbone_indices: how many a model takes, and that each names one of the configured backbone's outputs.</summary>
internal static class BackboneIndicesCheck
{
    internal static (string Key, string Reason)? Validate(IReadOnlyList<int> indices, ConfiguredChildren children, string meaning, params int[] counts)
    {
        const string key = "backbone_indices";
        if (!counts.Contains(indices.Count))
            return (key, $"needs {string.Join(" or ", counts)} value(s): {meaning}; got {OptionsValidation.List(indices)}.");
        return InRange(indices, children);
    }

    /// <summary>Each index names an output of the configured backbone (when its type declares how many it has).</summary>
    internal static (string Key, string Reason)? InRange(IReadOnlyList<int> indices, ConfiguredChildren children)
    {
        const string key = "backbone_indices";
        var backbone = children.ComponentType("backbone");
        var available = BackboneOutputsAttribute.CountOf(backbone) ?? int.MaxValue;
        if (indices.Any(i => i < 0 || i >= available))
        {
            var range = available == int.MaxValue ? "non-negative" : $"in [0, {available - 1}] ({backbone!.Name} has {available} output(s))";
            return (key, $"{OptionsValidation.List(indices)} is out of range: each index must be {range}.");
        }
        return null;
    }
}
