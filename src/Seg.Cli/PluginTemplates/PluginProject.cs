using System.Text.RegularExpressions;

namespace Seg.Cli.PluginTemplates;

/// <summary>
/// Writes a plugin project that builds on its own: NAME.csproj (compiled against the Seg.Core.dll and Seg.Torch.dll of
/// <see cref="SegDirectory"/>, which the plugin does not ship), one component of the kind with a typed options record,
/// tests/NAME.Tests.csproj with an NUnit test of it, a README, and Directory.Build.props/Directory.Packages.props so
/// that it builds the same inside a checkout of Seg (whose own props would otherwise apply) and anywhere else.
/// </summary>
internal sealed partial class PluginProject(string name, string kind, string directory, string segDirectory)
{
    // The test project's packages: the versions Seg's own tests use (Directory.Packages.props).
    private const string TestSdkVersion = "18.11.0";
    private const string NUnitVersion = "4.4.0";
    private const string NUnitAdapterVersion = "6.3.1";

    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public string Directory { get; } = directory;

    /// <summary>The folder with Seg.Core.dll, Seg.Torch.dll and libsegnative.so: the running seg's.</summary>
    public string SegDirectory { get; } = segDirectory;

    /// <summary>Null when <paramref name="name"/> can be a C# namespace and class name, else why not.</summary>
    internal static string? CheckName(string name) =>
        Identifier().IsMatch(name) ? null : $"'{name}' is not a C# identifier (letters, digits and _, not starting with a digit); it names the project, namespace and component";

    /// <summary>Writes the files; returns their paths. Refuses a folder that already holds files.</summary>
    internal IReadOnlyList<string> Write()
    {
        if (!PluginKind.Templates.TryGetValue(Kind, out var template))
            throw new ArgumentException($"unknown kind '{Kind}'; allowed: {string.Join(", ", PluginKind.Templates.Keys)}");
        if (CheckName(Name) is { } bad) throw new ArgumentException(bad);
        if (System.IO.Directory.Exists(Directory) && System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
            throw new IOException($"{Directory} already exists and is not empty; choose another --output");
        var component = template(Name);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Directory.Build.props"] = BuildProps(),
            ["Directory.Packages.props"] = "<Project>\n  <!-- Package versions are set in the projects (this stops a Directory.Packages.props further up from applying). -->\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n",
            [$"{Name}.csproj"] = PluginCsproj(),
            ["AssemblyInfo.cs"] = "using Seg.Core.Registry;\n\n// The marker Seg's plugin scan looks for: only marked assemblies are registered, so dependencies can sit beside the plugin.\n[assembly: SegComponentAssembly]\n",
            [$"{Name}.cs"] = component.Component + "\n",
            [$"{Name}Options.cs"] = component.Options + "\n",
            [Path.Combine("tests", $"{Name}.Tests.csproj")] = TestCsproj(),
            [Path.Combine("tests", "GlobalUsings.cs")] = "global using NUnit.Framework;\n",
            [Path.Combine("tests", $"{Name}Tests.cs")] = component.Test + "\n",
            ["README.md"] = Readme(component.Yaml),
        };
        var written = new List<string>();
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(Directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            written.Add(path);
        }
        return written;
    }

    private string BuildProps() => $"""
        <Project>
          <!-- Settings for the plugin and its tests (and no Directory.Build.props further up applies). -->
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <!-- The seg this plugin is built against (its Seg.Core.dll, Seg.Torch.dll, libsegnative.so); another: dotnet build -p:SegDir=DIR -->
            <SegDir Condition="'$(SegDir)' == ''">{SegDirectory}</SegDir>
          </PropertyGroup>
        </Project>

        """;

    private string PluginCsproj() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!--
            A Seg plugin ({Kind}: type {Name}). Build: dotnet build -c Release; then give seg the output folder
            bin/Release/net10.0 with its plugins option (or copy that folder into a plugins folder). Seg.Core and Seg.Torch are
            compile-time references only: at run time the plugin uses seg's own, and anything else it references (NuGet
            packages) is copied next to it and resolved from there.
          -->
          <PropertyGroup>
            <RootNamespace>{Name}</RootNamespace>
            <EnableDynamicLoading>true</EnableDynamicLoading>
          </PropertyGroup>
          <ItemGroup>
            <Compile Remove="tests/**" />
            <None Remove="tests/**" />
          </ItemGroup>
          <ItemGroup>
            <Reference Include="Seg.Core" HintPath="$(SegDir)/Seg.Core.dll" Private="false" />
            <Reference Include="Seg.Torch" HintPath="$(SegDir)/Seg.Torch.dll" Private="false" />
          </ItemGroup>
        </Project>

        """;

    private string TestCsproj() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- The plugin's tests: dotnet test tests (they run against the Seg assemblies and native library of SegDir). -->
          <PropertyGroup>
            <IsPackable>false</IsPackable>
            <IsTestProject>true</IsTestProject>
            <RootNamespace>{Name}.Tests</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{TestSdkVersion}" />
            <PackageReference Include="NUnit" Version="{NUnitVersion}" />
            <PackageReference Include="NUnit3TestAdapter" Version="{NUnitAdapterVersion}" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="../{Name}.csproj" />
            <Reference Include="Seg.Core" HintPath="$(SegDir)/Seg.Core.dll" />
            <Reference Include="Seg.Torch" HintPath="$(SegDir)/Seg.Torch.dll" />
            <Reference Include="YamlDotNet" HintPath="$(SegDir)/YamlDotNet.dll" Condition="Exists('$(SegDir)/YamlDotNet.dll')" />
            <None Include="$(SegDir)/libsegnative.so" Link="libsegnative.so" CopyToOutputDirectory="PreserveNewest" Visible="false" Condition="Exists('$(SegDir)/libsegnative.so')" />
          </ItemGroup>
        </Project>

        """;

    private string Readme(string yaml) => $"""
        # {Name}

        A Seg plugin: one {Kind} component, `type: {Name}`, with its options in `{Name}Options.cs` (each property is a
        YAML key in snake_case; initialisers are the defaults, `required` ones must be given).

        ```bash
        dotnet build -c Release                      # the plugin: bin/Release/net10.0/{Name}.dll
        dotnet test tests                            # its tests
        seg plugins --plugins bin/Release/net10.0    # lists {Name}
        seg train --plugins bin/Release/net10.0 --config my.yml
        ```

        In a config:

        ```yaml
        {yaml}
        ```

        It is compiled against the Seg in `{SegDirectory}` (`SegDir` in Directory.Build.props). Seg refuses a plugin built
        against another Seg version: rebuild it (`dotnet build -p:SegDir=...`). NuGet packages the plugin references are
        copied next to it by the build; copy the whole output folder when you move it.

        """;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
