using Seg.Core.Logging;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Weights;

/// <summary>
/// PaddleSeg's load_pretrained_model / load_entire_model (spec §6.2) for Seg's safetensors weights: a
/// <c>.safetensors</c> file or a checkpoint folder (<c>iter_N/</c>, <c>best_model/</c>) holding
/// <c>model.safetensors</c>. For each entry of the module's state dict, in order: missing from the file or of another
/// shape → keeps its initial value and is reported; otherwise copied (under no_grad). Extra file entries are ignored.
/// A URL is refused (no network at run time); so is a PaddleSeg <c>.pdparams</c> pickle.
/// </summary>
public static class PretrainedWeights
{
    /// <summary>The file name of a model's weights inside a checkpoint folder.</summary>
    public const string ModelFileName = "model.safetensors";

    private static readonly string[] UrlSchemes = ["http", "https", "ftp"];
    private static readonly AsyncLocal<bool> ArchitectureOnlyActive = new();

    /// <summary>
    /// Until disposed, <see cref="Load"/> and <see cref="LoadEntire"/> load nothing (and refuse nothing): for building a
    /// model only to inspect its architecture or to load other weights into it (<c>seg model summary</c>, <c>seg model run</c>).
    /// </summary>
    public static IDisposable ArchitectureOnly()
    {
        var previous = ArchitectureOnlyActive.Value;
        ArchitectureOnlyActive.Value = true;
        return new Restore(() => ArchitectureOnlyActive.Value = previous);
    }

    /// <summary>
    /// load_pretrained_model: loads <paramref name="path"/> into <paramref name="module"/> leniently and logs
    /// "Loading pretrained model from {path}" and one summary line to <paramref name="log"/> (default
    /// <see cref="SegLog.Out"/>). A null or empty path loads nothing and logs PaddleSeg's "trained from scratch" warning.
    /// </summary>
    /// <exception cref="ArgumentException">A URL, or a <c>.pdparams</c> file.</exception>
    /// <exception cref="FileNotFoundException">The path (or the folder's model.safetensors) does not exist.</exception>
    /// <exception cref="WeightsMismatchException"><paramref name="strict"/> (<c>--model_path</c>) and the weights do not fit exactly (<see cref="StrictWeights"/>).</exception>
    public static PretrainedLoadReport Load(Module module, string? path, TextWriter? log = null, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(module);
        log ??= SegLog.Out;
        if (ArchitectureOnlyActive.Value) return new PretrainedLoadReport("", 0, module.state_dict().Count, []);
        if (string.IsNullOrWhiteSpace(path))
        {
            log.WriteLine($"WARNING: No pretrained model to load, {module.GetType().Name} will be trained from scratch.");
            return new PretrainedLoadReport("", 0, module.state_dict().Count, []);
        }
        log.WriteLine($"Loading pretrained model from {path}");
        var file = ResolveFile(path);
        using var weights = SafeTensors.Load(file);
        if (strict) StrictWeights.Check(module, weights.Tensors, file);
        var report = CopyMatching(module, file, weights.Tensors);
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
        if (!string.IsNullOrWhiteSpace(path) || ArchitectureOnlyActive.Value) return Load(module, path, log);
        (log ?? SegLog.Out).WriteLine($"WARNING: Weights are not loaded for {module.GetType().Name} model since the path of weights is None");
        return new PretrainedLoadReport("", 0, module.state_dict().Count, []);
    }

    /// <summary>The safetensors file <paramref name="path"/> names: itself, or <c>path/model.safetensors</c> for a folder.</summary>
    /// <exception cref="ArgumentException">A URL, or a <c>.pdparams</c> file.</exception>
    /// <exception cref="FileNotFoundException">Nothing there to load.</exception>
    public static string ResolveFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (IsUrl(path))
            throw new ArgumentException(
                $"pretrained weights at a URL are not downloaded (Seg uses no network at run time): download {path} yourself, " +
                "convert it to safetensors if it is a PaddleSeg .pdparams/.tar.gz, and point `pretrained:` at the local file or checkpoint folder");
        if (Directory.Exists(path))
        {
            var inFolder = Path.Combine(path, ModelFileName);
            if (File.Exists(inFolder)) return inFolder;
            if (File.Exists(Path.Combine(path, "model.pdparams"))) throw PdparamsError(Path.Combine(path, "model.pdparams"));
            throw new FileNotFoundException(
                $"The pretrained model directory {path} holds no {ModelFileName} (a checkpoint folder such as output/iter_1000 or output/best_model does)",
                inFolder);
        }
        if (path.EndsWith(".pdparams", StringComparison.OrdinalIgnoreCase)) throw PdparamsError(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"The pretrained model is not found: {path}", path);
        return path;
    }

    /// <summary>Whether <paramref name="path"/> is an http, https or ftp URL.</summary>
    public static bool IsUrl(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && UrlSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    private static ArgumentException PdparamsError(string path) =>
        new($"{path} is a PaddleSeg .pdparams pickle, which Seg cannot read yet: convert it to safetensors " +
            "(in Python: load it with paddle.load and save the name → array dict with safetensors.numpy.save_file) and point `pretrained:` at that file");

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

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private static string Shape(IEnumerable<long> shape) => $"[{string.Join(',', shape)}]";
}
