namespace Seg.Torch.Modules;

/// <summary>Returns its input (as a new handle, so callers may dispose results uniformly).</summary>
public sealed class Identity() : Module<Tensor, Tensor>(nameof(Identity))
{
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.alias();
    }
}
