using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Seg.Core.Tests.Plugins;

// Compiles small throw-away assemblies (plugins and their private dependencies) straight to disk.
internal static class PluginCompiler
{
    private static readonly Lazy<(string File, MetadataReference Reference)[]> Platform = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(p => (Path.GetFileName(p), (MetadataReference)MetadataReference.CreateFromFile(p)))
            .ToArray());

    /// <summary>Writes <paramref name="dir"/>/<paramref name="name"/>.dll; <paramref name="references"/> are extra .dll paths (one named like a loaded assembly, such as another Seg.Core.dll, replaces it).</summary>
    internal static string Compile(string dir, string name, string source, params string[] references)
    {
        Directory.CreateDirectory(dir);
        var replaced = references.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            [.. Platform.Value.Where(p => !replaced.Contains(p.File)).Select(p => p.Reference), .. references.Select(r => MetadataReference.CreateFromFile(r))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(dir, name + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success)
            throw new InvalidOperationException($"compiling {name} failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }

    /// <summary>A plugin source registering one loss <paramref name="component"/> whose Describe() says which version of its dependency it sees.</summary>
    internal static string LossPlugin(string component, string body = "\"ok\"", string extraBase = "") => $$"""
        using Seg.Core.Registry;
        [assembly: SegComponentAssembly]
        [assembly: System.Reflection.AssemblyVersion("1.0.0.0")]
        namespace TestPlugins;
        public sealed record {{component}}Options
        {
            public int IgnoreIndex { get; init; } = 255;
            public Seg.Core.Config.ConfigMap? Extra { get; init; }
        }
        [SegComponent("{{component}}", ComponentKind.Loss)]
        public sealed class {{component}}({{component}}Options options){{extraBase}}
        {
            public {{component}}Options Options { get; } = options;
            public string Describe() => {{body}};
        }
        """;
}
