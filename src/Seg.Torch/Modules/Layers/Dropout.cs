using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>Zeroes elements with probability p and scales the rest by 1/(1-p), in training mode only.</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    public Dropout(double p = 0.5, bool inplace = false) : base(nameof(Dropout))
    {
        if (p < 0 || p > 1) throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}");
        this.p = p;
        this.inplace = inplace;
    }

    public double p { get; }
    public bool inplace { get; }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Tensor.Result(LibSegNative.seg_layer_dropout(input.handle, p, training ? 1 : 0, inplace ? 1 : 0, out var r), r);
    }
}
