namespace Seg.Core.Registry;

/// <summary>
/// The components configured under an options record's keys, by their registered type. Available in <c>--validate</c>
/// too, where nothing is constructed, so that a record can check its values against its children (e.g.
/// <c>backbone_indices</c> against the backbone's outputs) before any tensor exists.
/// </summary>
public sealed class ConfiguredChildren
{
    private readonly IReadOnlyDictionary<string, Type> children;

    internal ConfiguredChildren(IReadOnlyDictionary<string, Type> children) => this.children = children;

    /// <summary>The children of options built in code: already constructed components by key.</summary>
    public static ConfiguredChildren Of(params (string Key, object Component)[] components) =>
        new(components.ToDictionary(c => c.Key, c => c.Component.GetType()));

    /// <summary>The registered component type configured under <paramref name="key"/>; null when there is none (or this build lacks it).</summary>
    public Type? ComponentType(string key) => children.TryGetValue(key, out var type) ? type : null;
}
