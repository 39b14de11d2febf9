namespace Seg.Cli.PluginTemplates;

/// <summary>The three C# files of a new plugin that depend on its kind: the component, its options record, its test.</summary>
internal sealed record ComponentTemplate(string Component, string Options, string Test, string Yaml);
