namespace Seg.Plugins.PackageUser;

/// <summary>The YAML keys of <c>type: PluralName</c>.</summary>
public sealed record PluralNameOptions
{
    /// <summary>The word whose plural the component reports.</summary>
    public string Word { get; init; } = "mask";
}
