using Seg.Torch.Modules;

namespace Seg.Core.Weights;

/// <summary>
/// PaddleSeg's load_pretrained_model / load_entire_model (spec §6.2) for Seg's safetensors weights: a
/// <c>.safetensors</c> file or a checkpoint folder (<c>iter_N/</c>, <c>best_model/</c>) holding
/// <c>model.safetensors</c>. Keys missing from the file or of another shape keep their initial values and are
/// reported; a URL is refused (no network at run time).
/// </summary>
public static class PretrainedWeights
{
    /// <summary>The file name of a model's weights inside a checkpoint folder.</summary>
    public const string ModelFileName = "model.safetensors";

    // PLACEHOLDER (replaced by the pretrained-weights work): strict load, no report.
    public static PretrainedLoadReport Load(Module module, string path, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, ModelFileName) : path;
        module.load(file, strict: true);
        var total = module.state_dict().Count;
        return new PretrainedLoadReport(file, total, total, []);
    }
}
