namespace Seg.Core.Config;

/// <summary>
/// A value of a resolved config: a map, a list or a scalar, remembering where it was written so that
/// errors can name the file and line. Scalars hold values typed as PaddleSeg's PyYAML (YAML 1.1) or
/// Python's literal_eval (--opts) would type them.
/// </summary>
public abstract class ConfigNode
{
    protected ConfigNode(SourceLocation? location) => Location = location;

    public SourceLocation? Location { get; }

    /// <summary>A deep copy (merging never shares nodes between configs).</summary>
    public abstract ConfigNode DeepClone();
}
