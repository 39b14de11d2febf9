using Seg.Core.Contracts;
using Seg.Core.Logging;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Weights;

/// <summary>
/// PaddleSeg's load_pretrained_model / load_entire_model (paddleseg/utils/utils.py::load_pretrained_model) over any source <see cref="WeightsLoader"/> reads:
/// safetensors, .pdparams, .pth, a checkpoint folder, a model-zoo archive or a URL in PaddleSeg's download cache. For each entry of the module's state dict, in order: missing from the file or of another
/// shape → keeps its initial value and is reported; otherwise copied (under no_grad). Extra file entries are ignored.
/// </summary>
public static class PretrainedWeights
{
    /// <summary>The file name of a model's weights inside a checkpoint folder.</summary>
    public const string ModelFileName = "model.safetensors";

    /// <summary>
    /// Applies the <c>pretrained:</c> weights of every <see cref="IPretrainedComponent"/> in <paramref name="root"/>'s module
    /// tree, children before parents (the backbone's, then the whole model's over them, PaddleSeg's order): a
    /// <see cref="Backbone"/> as load_pretrained_model, anything else as load_entire_model, with their messages.
    /// </summary>
    /// <exception cref="PretrainedLoadException">A component's weights could not be read or applied (the cause inside).</exception>
    public static void ApplyConfigured(Module root, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        foreach (var (path, module) in ChildrenFirst("", root, seen))
        {
            if (module is not IPretrainedComponent component) continue;
            try
            {
                if (module is Backbone) Load(module, component.Pretrained, log);
                else LoadEntire(module, component.Pretrained, log);
            }
            catch (Exception e) when (e is IOException or WeightsFormatException or UnauthorizedAccessException)
            {
                throw PretrainedLoadException.For(path, e);
            }
        }
    }

    /// <summary>
    /// load_pretrained_model: loads <paramref name="path"/> into <paramref name="module"/> leniently and logs
    /// "Loading pretrained model from {path}" and one summary line to <paramref name="log"/> (default
    /// <see cref="SegLog.Out"/>). A null or empty path loads nothing and logs PaddleSeg's "trained from scratch" warning.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path (or the folder's weights file, or a URL's cached copy) does not exist.</exception>
    /// <exception cref="WeightsFormatException">Not a weights file, or a refused one.</exception>
    /// <exception cref="WeightsMismatchException"><paramref name="strict"/> (<c>--model_path</c>) and the weights do not fit exactly (<see cref="StrictWeights"/>).</exception>
    public static PretrainedLoadReport Load(Module module, string? path, TextWriter? log = null, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(module);
        log ??= SegLog.Out;
        if (string.IsNullOrWhiteSpace(path))
        {
            log.WriteLine($"WARNING: No pretrained model to load, {module.GetType().Name} will be trained from scratch.");
            return new PretrainedLoadReport("", 0, module.state_dict().Count, []);
        }
        log.WriteLine($"Loading pretrained model from {path}");
        using var weights = WeightsLoader.Load(path);
        if (strict) StrictWeights.Check(module, weights.Tensors, weights.Source);
        var report = CopyMatching(module, weights.Source, weights.Tensors);
        log.WriteLine($"{report.Summary()} (into {module.GetType().Name})");
        return report;
    }

    /// <summary>
    /// load_entire_model: as <see cref="Load"/>, but a null or empty path logs PaddleSeg's model-level warning
    /// ("Weights are not loaded for {Model} model since the path of weights is None").
    /// </summary>
    public static PretrainedLoadReport LoadEntire(Module module, string? path, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!string.IsNullOrWhiteSpace(path)) return Load(module, path, log);
        (log ?? SegLog.Out).WriteLine($"WARNING: Weights are not loaded for {module.GetType().Name} model since the path of weights is None");
        return new PretrainedLoadReport("", 0, module.state_dict().Count, []);
    }

    /// <summary>Whether <paramref name="path"/> is an http, https or ftp URL.</summary>
    public static bool IsUrl(string path) => WeightsLoader.IsUrl(path);

    private static IEnumerable<(string Path, Module Module)> ChildrenFirst(string path, Module module, HashSet<Module> seen)
    {
        if (!seen.Add(module)) yield break;
        foreach (var (name, child) in module.named_children())
            foreach (var item in ChildrenFirst(path.Length == 0 ? name : $"{path}.{name}", child, seen)) yield return item;
        yield return (path, module);
    }

    private static PretrainedLoadReport CopyMatching(Module module, string file, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        var source = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (k, v) in tensors) source.TryAdd(k, v);
        var own = module.state_dict();
        var skipped = new List<string>();
        var skippedKeys = new List<string>();
        var loaded = 0;
        using (torch.no_grad())
        {
            foreach (var (key, target) in own)
            {
                if (!source.TryGetValue(key, out var value))
                {
                    skipped.Add($"{key} (not in the file)");
                    skippedKeys.Add(key);
                }
                else if (!value.shape.SequenceEqual(target.shape))
                {
                    skipped.Add($"{key} {Shape(value.shape)} vs {Shape(target.shape)}");
                    skippedKeys.Add(key);
                }
                else
                {
                    target.copy_(value);
                    loaded++;
                }
            }
        }
        return new PretrainedLoadReport(file, loaded, own.Count, skipped) { SkippedKeys = skippedKeys };
    }

    private static string Shape(IEnumerable<long> shape) => $"[{string.Join(',', shape)}]";
}
