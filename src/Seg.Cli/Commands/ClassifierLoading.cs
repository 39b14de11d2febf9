using Seg.Core.Building;
using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Plugins;
using Seg.Core.Weights;
using Seg.Models.Segmentation;
using Seg.Pssl.Classification;

namespace Seg.Cli.Commands;

// Builds a classifier from its config (`model: type: ImageClassifier ...`) and loads weights into it, for seg cls val
// and seg pssl generate. Errors name the config or the weights file.
internal static class ClassifierLoading
{
    internal static (SegConfig Config, SegModel Model) Load(string configPath, string? weights, IReadOnlyList<string> opts, ComponentCatalog catalog, TextWriter error)
    {
        var config = ConfigLoader.Load(configPath, new ConfigOverrides { Opts = opts }, catalog.Registry, error, validate: false);
        var model = SegModelFactory.Build(config, catalog.Registry, loadPretrained: weights is null);
        if (model is not IImageClassifier)
        {
            var type = model.GetType().Name;
            model.Dispose();
            throw new ConfigException($"{configPath}: model type {type} is not a classifier (use type: ImageClassifier with a backbone)");
        }
        if (weights is not null) PretrainedWeights.Load(model, weights, error, strict: true);
        return (config, model);
    }
}
