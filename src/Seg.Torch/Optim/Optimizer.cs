using Seg.Torch.Modules;
using Seg.Torch.Native;

namespace Seg.Torch.Optim;

/// <summary>
/// The base of the optimizers (as torch.optim.Optimizer): parameter groups with their own options, per-
/// parameter state owned by the optimizer, zero_grad, and state_dict/load_state_dict for resuming.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly List<ParamGroup> groups = [];
    private readonly Dictionary<Parameter, ParamState> state_ = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyDictionary<string, double> defaults;
    private bool disposed;

    protected Optimizer(IEnumerable<ParamGroup> param_groups, IReadOnlyDictionary<string, double> defaults)
    {
        ArgumentNullException.ThrowIfNull(param_groups);
        this.defaults = defaults;
        foreach (var g in param_groups) add_param_group(g);
        if (groups.Count == 0) throw new ArgumentException("optimizer got an empty parameter list");
    }

    public IReadOnlyList<ParamGroup> param_groups => groups;

    public IReadOnlyDictionary<string, double> Defaults => defaults;

    /// <summary>Per-parameter state (absent for a parameter that has not been stepped).</summary>
    public IReadOnlyDictionary<Parameter, ParamState> state => state_;

    public void add_param_group(ParamGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var existing = new HashSet<Parameter>(groups.SelectMany(g => g.parameters), ReferenceEqualityComparer.Instance);
        if (group.parameters.Any(existing.Contains)) throw new ArgumentException("some parameters appear in more than one parameter group");
        foreach (var (k, v) in defaults) group.SetDefault(k, v);
        Validate(group);
        groups.Add(group);
    }

    /// <summary>Checks a group's options (after defaults are filled in).</summary>
    protected virtual void Validate(ParamGroup group)
    {
        if (group.lr < 0) throw new ArgumentException($"Invalid learning rate: {group.lr}");
        if (group.weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {group.weight_decay}");
    }

    /// <summary>Clears (set_to_none, PyTorch 2's default) or zeroes the gradients of every parameter.</summary>
    public unsafe void zero_grad(bool set_to_none = true) =>
        HandleList.Call(groups.SelectMany(g => g.parameters).Cast<Tensor>().ToList(),
            (p, n) => LibSegNative.seg_params_zero_grad(p, n, set_to_none ? 1 : 0));

    /// <summary>One update of every parameter that has a gradient (under no_grad).</summary>
    public abstract void step();

    protected ParamState? GetState(Parameter p) => state_.GetValueOrDefault(p);

    protected ParamState NewState(Parameter p)
    {
        var s = new ParamState();
        state_[p] = s;
        return s;
    }

    /// <summary>Whether state_dict records the step count ("step", as Adam does).</summary>
    protected virtual bool SavesStep => false;

    /// <summary>A copy of the optimizer's state and hyper-parameters (dispose it).</summary>
    public OptimizerStateDict state_dict()
    {
        var tensors = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        var groupStates = new List<ParamGroupState>();
        var index = 0;
        try
        {
            foreach (var g in groups)
            {
                var ids = new List<int>();
                foreach (var p in g.parameters)
                {
                    if (state_.TryGetValue(p, out var s))
                    {
                        foreach (var (name, t) in s.tensors) tensors[OptimizerStateDict.Key(index, name)] = t.clone().DetachFromDisposeScope();
                        if (SavesStep)
                            tensors[OptimizerStateDict.Key(index, "step")] = torch.scalar_tensor(s.step, ScalarType.Float32).DetachFromDisposeScope();
                    }
                    ids.Add(index++);
                }
                groupStates.Add(new ParamGroupState(new Dictionary<string, double>(g.Options), ids));
            }
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return new OptimizerStateDict(GetType().Name, tensors, groupStates);
    }

    /// <summary>
    /// Restores state and group options from <paramref name="state_dict"/> (which stays the caller's): the
    /// groups must have the same sizes. State tensors are copied onto each parameter's device (floating-point
    /// ones converted to its dtype, as PyTorch).
    /// </summary>
    public void load_state_dict(OptimizerStateDict state_dict)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        if (state_dict.optimizer != GetType().Name)
            throw new ArgumentException($"state dict is of a {state_dict.optimizer} optimizer, this is a {GetType().Name}");
        if (state_dict.param_groups.Count != groups.Count)
            throw new ArgumentException("loaded state dict has a different number of parameter groups");
        for (var i = 0; i < groups.Count; i++)
            if (state_dict.param_groups[i].@params.Count != groups[i].parameters.Count)
                throw new ArgumentException("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");

        var byIndex = new Dictionary<int, Parameter>();
        for (var i = 0; i < groups.Count; i++)
            for (var j = 0; j < groups[i].parameters.Count; j++)
                byIndex[state_dict.param_groups[i].@params[j]] = groups[i].parameters[j];

        foreach (var s in state_.Values) s.Dispose();
        state_.Clear();
        foreach (var (key, t) in state_dict.state)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !int.TryParse(key.AsSpan(0, dot), System.Globalization.CultureInfo.InvariantCulture, out var idx) || !byIndex.TryGetValue(idx, out var p))
                throw new ArgumentException($"state dict key '{key}' names no parameter of this optimizer");
            var name = key[(dot + 1)..];
            var s = state_.GetValueOrDefault(p) ?? NewState(p);
            if (name == "step")
            {
                s.step = (long)t.item<double>();
                continue;
            }
            s.Set(name, IsFloating(t.dtype) ? t.to(p.device, p.dtype, copy: true) : t.to(p.device, copy: true));
        }
        for (var i = 0; i < groups.Count; i++)
            foreach (var (k, v) in state_dict.param_groups[i].options) groups[i][k] = v;
    }

    private static bool IsFloating(ScalarType t) => t is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    /// <summary>Saves state_dict() to a safetensors file (tensors + JSON hyper-parameters in the metadata).</summary>
    public void save_state_dict(string path)
    {
        using var sd = state_dict();
        sd.save(path);
    }

    /// <summary>Restores the state saved by save_state_dict.</summary>
    public void load_state_dict(string path)
    {
        using var sd = OptimizerStateDict.load(path);
        load_state_dict(sd);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the state tensors (not the parameters, which belong to their module).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing) return;
        disposed = true;
        foreach (var s in state_.Values) s.Dispose();
        state_.Clear();
    }
}
