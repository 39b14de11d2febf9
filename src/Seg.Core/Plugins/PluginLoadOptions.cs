namespace Seg.Core.Plugins;

/// <summary>Where to look for component assemblies.</summary>
public sealed record PluginLoadOptions
{
    /// <summary>The environment variable with extra plugin folders, separated like PATH.</summary>
    public const string EnvironmentVariable = "SEG_PLUGINS";

    /// <summary>Set by the <c>seg</c> launcher to the source checkout, whose <c>plugins/</c> folder is scanned too.</summary>
    public const string HomeEnvironmentVariable = "SEG_HOME";

    /// <summary>The executable's folder: its component assemblies are the built-ins and its <c>plugins/</c> subfolder is scanned.</summary>
    public string AppDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Folders from <c>--plugins DIR</c>, in command-line order.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    /// <summary>The value of <c>SEG_PLUGINS</c> (null: none).</summary>
    public string? EnvironmentValue { get; init; }

    /// <summary>The value of <c>SEG_HOME</c>, the checkout the <c>seg</c> launcher runs from (null: none).</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>Options for the running process: SEG_PLUGINS from the environment.</summary>
    public static PluginLoadOptions FromEnvironment(IEnumerable<string> pluginDirectories) => new()
    {
        PluginDirectories = [.. pluginDirectories],
        EnvironmentValue = Environment.GetEnvironmentVariable(EnvironmentVariable),
        HomeDirectory = Environment.GetEnvironmentVariable(HomeEnvironmentVariable),
    };

    /// <summary>
    /// The plugin folders in search order: app/plugins and the checkout's plugins/ (SEG_HOME; both optional: they need
    /// not exist), then each --plugins and each SEG_PLUGINS entry (named by the user: a missing one is reported).
    /// </summary>
    public IReadOnlyList<(string Directory, bool Optional)> SearchDirectories()
    {
        var dirs = new List<(string, bool)> { (Path.GetFullPath(Path.Combine(AppDirectory, "plugins")), true) };
        if (!string.IsNullOrEmpty(HomeDirectory))
        {
            var home = Path.GetFullPath(Path.Combine(HomeDirectory, "plugins"));
            if (!dirs.Exists(d => d.Item1 == home)) dirs.Add((home, true));
        }
        var named = PluginDirectories.AsEnumerable();
        if (!string.IsNullOrEmpty(EnvironmentValue))
            named = named.Concat(EnvironmentValue.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var dir in named.Select(Path.GetFullPath))
            if (!dirs.Exists(d => d.Item1 == dir)) dirs.Add((dir, false));
        return dirs;
    }
}
