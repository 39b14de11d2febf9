namespace Seg.Torch.Modules;

/// <summary>A module with a forward pass from <typeparamref name="TIn"/> to <typeparamref name="TOut"/>.</summary>
public abstract class Module<TIn, TOut> : Module
{
    protected Module(string name) : base(name) { }

    public abstract TOut forward(TIn input);

    /// <summary>Runs forward (the place where hooks would run, as PyTorch's __call__).</summary>
    public TOut call(TIn input) => forward(input);
}
