using Seg.Core.Building;
using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Models.Segmentation;

namespace Seg.Models.Tests.Models;

// Seg.Models' components in a registry, and models built from configs the way `seg model summary` builds them.
internal static class ModelCatalog
{
    private static readonly Lazy<ComponentRegistry> LazyRegistry = new(() =>
    {
        var registry = new ComponentRegistry();
        registry.RegisterAssembly(typeof(STDCSeg).Assembly);
        return registry;
    });

    internal static ComponentRegistry Registry => LazyRegistry.Value;

    // PaddleSeg's configs name backbone weights by URL (read from the download cache); these tests need the architecture only.
    internal static SegModel Build(string configPath)
    {
        return SegModelFactory.Build(configPath, Registry, loadPretrained: false);
    }
}
