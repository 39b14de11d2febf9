using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;

namespace Seg.Core.Building;

/// <summary>
/// Builds only the <c>model:</c> of a config (no dataset, loss or optimizer is touched, so no data needs to be on
/// disk): the registry constructs the architecture, then the <c>pretrained:</c> weights are applied, the backbone's
/// first and the model's over them, as PaddleSeg does. A missing <c>model.num_classes</c> comes from the train
/// dataset's type (the registered dataset's constants, else <see cref="PaddleSegDatasetClasses"/>), as PaddleSeg's
/// builder does; otherwise it is required.
/// </summary>
public static class SegModelFactory
{
    /// <param name="loadPretrained">false builds the architecture only: to inspect it or load other weights into it
    /// (<c>seg model summary</c>, <c>seg model run --weights</c>).</param>
    public static SegModel Build(SegConfig config, ComponentRegistry registry, bool loadPretrained = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(registry);
        var model = registry.Build<SegModel>(config.Model, ComponentKind.Model, "model");
        if (!loadPretrained) return model;
        try
        {
            PretrainedWeights.ApplyConfigured(model);
            return model;
        }
        catch (PretrainedLoadException e)
        {
            model.Dispose();
            var key = e.ModulePath.Length == 0 ? "pretrained" : $"{e.ModulePath}.pretrained";
            throw new ConfigBindingException(LocationOf(config.Model, key), $"model.{key}", e.Message, e.InnerException);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    // Where the YAML says key.path (or its nearest parent that it names), for the error.
    private static SourceLocation? LocationOf(ConfigMap model, string keyPath)
    {
        ConfigNode node = model;
        foreach (var key in keyPath.Split('.'))
        {
            if (node is not ConfigMap map || !map.TryGet(key, out var child)) break;
            node = child;
        }
        return node.Location;
    }

    public static SegModel Build(string configPath, ComponentRegistry registry, bool loadPretrained = true) =>
        Build(ConfigLoader.Load(configPath, null, registry), registry, loadPretrained);
}
