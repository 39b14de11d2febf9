namespace Seg.Torch.Modules;

/// <summary>
/// Runs its children in order; children are named "0", "1", ... or by the given names. Intermediate
/// results are disposed as it goes (every forward returns a fresh handle), the input is not.
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> layers = [];

    public Sequential(params Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) append(m);
    }

    public Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) : base(nameof(Sequential))
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var (n, m) in modules) append(n, m);
    }

    public int Count => layers.Count;

    public Module<Tensor, Tensor> this[int index] => layers[index];

    /// <summary>Adds a child named by its position.</summary>
    public Sequential append(Module<Tensor, Tensor> module) => append(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

    public Sequential append(string name, Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        register_module(name, module);
        layers.Add(module);
        return this;
    }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (layers.Count == 0) return input.alias();
        var x = layers[0].call(input);
        for (var i = 1; i < layers.Count; i++)
        {
            var next = layers[i].call(x);
            x.Dispose();
            x = next;
        }
        return x;
    }
}
