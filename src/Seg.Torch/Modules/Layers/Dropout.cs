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

    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, p, training, inplace);
}
