using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Training;

/// <summary>
/// PaddleSeg's EMA model (paddleseg/utils/ema.py, spec §5.6; <c>--use_ema</c>): a copy of every state-dict entry of
/// the model, taken when training starts; after each iteration every floating-point entry, BatchNorm running
/// statistics included, becomes <c>d·ema + (1−d)·model</c> with <c>d = min(1 − 1/(step+1), 0.999)</c>; other entries
/// keep the copy. Kept as tensors beside the model (no second module): it is evaluated and saved by swapping its
/// values into the model for a moment (<see cref="SwapInto"/>), which gives the model's own values back exactly.
/// </summary>
public sealed class ModelEma : IDisposable
{
    /// <summary>PaddleSeg's default (and largest) decay.</summary>
    public const double MaxDecay = 0.999;

    private readonly OrderedDictionary<string, Tensor> state = new(StringComparer.Ordinal);
    private bool disposed;

    /// <summary>Starts the average at the model's current values (PaddleSeg's init_ema_params).</summary>
    public ModelEma(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        using (torch.no_grad())
        {
            foreach (var (key, value) in model.state_dict())
                state.Add(key, value.detach().clone().DetachFromDisposeScope());
        }
    }

    /// <summary>The averaged state dict, in the model's key order; the tensors stay this object's.</summary>
    public IReadOnlyDictionary<string, Tensor> State => state;

    /// <summary>The decay PaddleSeg uses after iteration <paramref name="step"/> (1-based).</summary>
    public static double Decay(int step, double maxDecay = MaxDecay) => Math.Min(1.0 - 1.0 / (step + 1), maxDecay);

    /// <summary>PaddleSeg's update_ema_model after iteration <paramref name="step"/>: <c>ema *= d; ema += (1 − d)·model</c> for floating-point entries.</summary>
    public void Update(Module model, int step)
    {
        ArgumentNullException.ThrowIfNull(model);
        ObjectDisposedException.ThrowIf(disposed, this);
        var decay = Decay(step);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (key, value) in model.state_dict())
        {
            var average = Entry(key);
            if (!IsFloatingPoint(average.dtype)) continue;
            average.mul_(decay);
            average.add_(value.detach().mul(1.0 - decay));
        }
    }

    /// <summary>Puts the averaged values into <paramref name="model"/> until the result is disposed, then restores the model's own values bit for bit.</summary>
    public IDisposable SwapInto(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ObjectDisposedException.ThrowIf(disposed, this);
        var own = model.state_dict();
        using var scope = torch.NewDisposeScope();
        var backup = new List<(Tensor Target, Tensor Saved)>(own.Count);
        using (torch.no_grad())
        {
            foreach (var (key, target) in own)
            {
                backup.Add((target, target.detach().clone().DetachFromDisposeScope()));
                target.copy_(Entry(key));
            }
        }
        return new Swap(backup);
    }

    /// <summary>Writes the averaged state dict as safetensors (the model's keys, so it loads as the model's weights).</summary>
    public void Save(string path) => SafeTensors.Save(path, state);

    /// <summary>Replaces the averaged values with a file written by <see cref="Save"/> (a resume); every key must match.</summary>
    public void Load(string path)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var file = SafeTensors.Load(path);
        var source = file.ToDictionary();
        var missing = state.Keys.Where(k => !source.ContainsKey(k)).ToList();
        var unexpected = source.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var misshapen = state.Where(kv => source.TryGetValue(kv.Key, out var t) && !t.shape.SequenceEqual(kv.Value.shape)).Select(kv => kv.Key).ToList();
        if (missing.Count + unexpected.Count + misshapen.Count > 0)
            throw new InvalidDataException($"'{path}' does not fit the model: missing {List(missing)}, unexpected {List(unexpected)}, of another shape {List(misshapen)}");
        using (torch.no_grad())
        {
            foreach (var (key, value) in state) value.copy_(source[key]);
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var value in state.Values) value.Dispose();
        state.Clear();
    }

    private Tensor Entry(string key) => state.TryGetValue(key, out var value)
        ? value
        : throw new InvalidOperationException($"the EMA model has no entry '{key}': the model's state dict changed after the EMA copy was taken");

    private static bool IsFloatingPoint(ScalarType type) => type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    private static string List(List<string> keys) => keys.Count == 0 ? "none" : string.Join(", ", keys.Take(5)) + (keys.Count > 5 ? $" (+{keys.Count - 5} more)" : "");

    private sealed class Swap(List<(Tensor Target, Tensor Saved)> backup) : IDisposable
    {
        public void Dispose()
        {
            using (torch.no_grad())
            {
                foreach (var (target, saved) in backup)
                {
                    target.copy_(saved);
                    saved.Dispose();
                }
            }
            backup.Clear();
        }
    }
}
