namespace Seg.Cli.PluginTemplates;

/// <summary>The three C# files of a new plugin that depend on its kind: the component, its options record, its test.</summary>
internal sealed record ComponentTemplate(string Component, string Options, string Test, string Yaml)
{
    /// <summary>The usings of a component that is a module (a model or a backbone).</summary>
    internal const string ModuleUsings = """
        using Seg.Core.Contracts;
        using Seg.Core.Registry;
        using Seg.Torch;
        using Seg.Torch.Modules;
        """;

    /// <summary>
    /// Puts each kind's own parts in the frame every kind shares: the namespace <paramref name="name"/>, the options
    /// record <c>{name}Options</c> and the NUnit class <c>{name}Tests</c>. Members come indented by four spaces.
    /// </summary>
    internal static ComponentTemplate Of(string name, string usings, string component, string optionsMembers, string testUsings, string testMembers, string yaml) => new(
        $"{usings}\n\nnamespace {name};\n\n{component}",
        $$"""
        namespace {{name}};

        /// <summary>The YAML keys of `type: {{name}}` (snake_case of the property names); initialisers are the defaults.</summary>
        public sealed record {{name}}Options
        {
        {{optionsMembers}}
        }
        """,
        $$"""
        {{testUsings}}

        namespace {{name}}.Tests;

        public class {{name}}Tests
        {
        {{testMembers}}
        }
        """,
        yaml);
}
