using Seg.Torch.Modules;

namespace Seg.Torch.Optim;

/// <summary>
/// Parameters that share hyper-parameters. Options left unset here take the optimizer's defaults when
/// the group is added (as PyTorch's param_group.setdefault). lr and the other options are settable,
/// which is how schedulers change the learning rate.
/// </summary>
public sealed class ParamGroup
{
    private readonly Dictionary<string, double> options = new(StringComparer.Ordinal);

    public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? weight_decay = null,
        IReadOnlyDictionary<string, double>? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = parameters.ToList();
        if (options != null) foreach (var (k, v) in options) this.options[k] = v;
        if (lr is { } l) this.options["lr"] = l;
        if (weight_decay is { } w) this.options["weight_decay"] = w;
    }

    public IReadOnlyList<Parameter> parameters { get; }

    public double lr
    {
        get => this["lr"];
        set => this["lr"] = value;
    }

    public double weight_decay
    {
        get => this["weight_decay"];
        set => this["weight_decay"] = value;
    }

    /// <summary>Any option by PyTorch's name: momentum, dampening, nesterov (0/1), beta1, beta2, eps, amsgrad,
    /// maximize, initial_lr (set by schedulers)...</summary>
    public double this[string option]
    {
        get => options.TryGetValue(option, out var v) ? v : throw new KeyNotFoundException($"parameter group has no option '{option}'");
        set => options[option] = value;
    }

    public bool has_option(string option) => options.ContainsKey(option);

    public IReadOnlyDictionary<string, double> Options => options;

    internal void SetDefault(string option, double value) => options.TryAdd(option, value);
}
