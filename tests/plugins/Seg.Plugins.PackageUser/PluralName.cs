using Pluralize.NET;
using Seg.Core.Registry;

namespace Seg.Plugins.PackageUser;

/// <summary>A component whose only job is to call into its private NuGet dependency (Pluralize.NET).</summary>
[SegComponent("PluralName", ComponentKind.Transform)]
public sealed class PluralName(PluralNameOptions options)
{
    public PluralNameOptions Options { get; } = options;

    /// <summary>The plural of <see cref="PluralNameOptions.Word"/>, computed by the package.</summary>
    public string Plural => new Pluralizer().Pluralize(Options.Word);

    /// <summary>The package's assembly, so a test can see which load context it came from.</summary>
    public static System.Reflection.Assembly PackageAssembly => typeof(Pluralizer).Assembly;
}
