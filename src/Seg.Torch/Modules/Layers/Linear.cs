using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>y = x·Wᵀ + b, with PyTorch's default initialisation.</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null)
        : base(nameof(Linear))
    {
        this.in_features = in_features;
        this.out_features = out_features;
        weight = LayerInit.NewParameter([out_features, in_features], device, dtype);
        register_parameter(nameof(weight), weight);
        if (bias)
        {
            this.bias = LayerInit.NewParameter([out_features], device, dtype);
            register_parameter(nameof(bias), this.bias);
        }
        reset_parameters();
    }

    public long in_features { get; }
    public long out_features { get; }
    public Parameter weight { get; }
    public Parameter? bias { get; }

    public void reset_parameters() => LayerInit.ResetLinearLike(weight, bias);

    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);
}
