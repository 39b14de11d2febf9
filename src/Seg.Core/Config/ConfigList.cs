namespace Seg.Core.Config;

/// <summary>A sequence (YAML sequence / Python list, or a tuple from --opts such as 0.75,1.0).</summary>
public sealed class ConfigList(IEnumerable<ConfigNode> items, SourceLocation? location = null, bool isTuple = false) : ConfigNode(location)
{
    public List<ConfigNode> Items { get; } = [.. items];

    /// <summary>True for Python tuples (from --opts literal_eval); YAML only makes lists.</summary>
    public bool IsTuple { get; } = isTuple;

    public override ConfigNode DeepClone() => new ConfigList(Items.Select(i => i.DeepClone()), Location, IsTuple);
}
