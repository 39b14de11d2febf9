using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>Paddle's nn.Linear: weight [in, out] (transposed against torch), Uniform(-bound, bound) weights, zero bias.</summary>
public sealed class PaddleLinear : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    public PaddleLinear(long inFeatures, long outFeatures, double bound) : base(nameof(PaddleLinear))
    {
        using (var w = torch.empty([inFeatures, outFeatures])) weight = new Parameter(w);
        using (var b = torch.zeros([outFeatures])) bias = new Parameter(b);
        torch.nn.init.uniform_(weight, -bound, bound);
        register_parameter("weight", weight);
        register_parameter("bias", bias);
    }

    public override Tensor forward(Tensor input)
    {
        using var product = torch.matmul(input, weight);
        return product.add(bias);
    }
}
