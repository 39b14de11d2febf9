using Seg.Core.Config;
using Seg.Core.Registry;

namespace Seg.Core.Tests.Data;

internal static class DataTestHelpers
{
    private static readonly Lazy<ComponentRegistry> LazyRegistry = new(() =>
    {
        var r = new ComponentRegistry();
        r.RegisterAssembly(typeof(Seg.Core.Data.Datasets.Dataset).Assembly);
        return r;
    });

    internal static ComponentRegistry Registry => LazyRegistry.Value;

    /// <summary>Builds a component of <paramref name="kind"/> from a YAML map with its <c>type:</c>.</summary>
    internal static T Build<T>(string yaml, ComponentKind kind = ComponentKind.Dataset) where T : class
    {
        var root = YamlConfigReader.ReadText("node:\n" + string.Join('\n', yaml.Split('\n').Select(l => "  " + l)), "test.yml");
        return Registry.Build<T>(root.Get("node")!, kind, "node");
    }
}
