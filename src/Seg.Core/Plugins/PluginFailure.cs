namespace Seg.Core.Plugins;

/// <summary>An assembly (or folder) that could not be loaded; Seg goes on without it.</summary>
public sealed record PluginFailure(string Path, string Reason)
{
    public override string ToString() => $"plugin {Path} was not loaded: {Reason}";
}
