namespace Seg.Torch.Modules;

/// <summary>A module with a forward pass from <typeparamref name="TIn"/> to <typeparamref name="TOut"/>.</summary>
public abstract class Module<TIn, TOut> : Module
{
    protected Module(string name) : base(name) { }

    /// <summary>
    /// The forward pass, written as plain tensor code: when it runs through <see cref="call"/>, every
    /// intermediate tensor is freed on return (or on an exception) and only the returned tensors survive.
    /// </summary>
    public abstract TOut forward(TIn input);

    /// <summary>
    /// Runs <see cref="forward"/> inside its own dispose scope (PyTorch's __call__, where hooks would run): the
    /// tensors the output holds move to the caller's scope, everything else made during the pass is disposed.
    /// </summary>
    public TOut call(TIn input)
    {
        using var scope = torch.NewDisposeScope();
        var output = forward(input);
        ModuleOutputs.MoveOut(scope, output, GetType());
        return output;
    }
}
