using Seg.Core.Config;
using Seg.Core.Optimization.Schedules;
using Seg.Core.Registry;

namespace Seg.Core.Tests.Optimization;

internal static class OptimizationTestHelpers
{
    private static readonly Lazy<ComponentRegistry> LazyRegistry = new(() =>
    {
        var r = new ComponentRegistry();
        r.RegisterAssembly(typeof(LrSchedule).Assembly);
        return r;
    });

    internal static ComponentRegistry Components => LazyRegistry.Value;

    /// <summary>The map under the top-level key of <paramref name="yaml"/> (e.g. "lr_scheduler:\n  type: ...").</summary>
    internal static ConfigMap Section(string yaml, string key) => (ConfigMap)YamlConfigReader.ReadText(yaml, "test.yml")[key];
}
