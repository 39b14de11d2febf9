namespace Seg.Core.Plugins;

/// <summary>A plugin that cannot be used as it is (built against another Seg, a dependency missing from its folder); the message says what to do.</summary>
public sealed class PluginLoadException : Exception
{
    public PluginLoadException() { }

    public PluginLoadException(string message) : base(message) { }

    public PluginLoadException(string message, Exception inner) : base(message, inner) { }
}
