using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// HRNet's SELayer: global average pool, squeeze (Linear to channels / 16, ReLU), excitation (Linear, sigmoid), and the
/// input scaled per channel. The Linear weights keep Paddle's [in, out] layout so PaddleSeg checkpoints load unchanged.
/// </summary>
public sealed class HRNetSELayer : Module<Tensor, Tensor>
{
    private readonly PaddleLinear squeeze;
    private readonly PaddleLinear excitation;
    private readonly long numChannels;

    public HRNetSELayer(long numChannels, long numFilters, long reductionRatio) : base(nameof(HRNetSELayer))
    {
        this.numChannels = numChannels;
        var medCh = (long)(numChannels / (double)reductionRatio);
        squeeze = new PaddleLinear(numChannels, medCh, 1.0 / Math.Sqrt(numChannels));
        excitation = new PaddleLinear(medCh, numFilters, 1.0 / Math.Sqrt(medCh));
        register_module("squeeze", squeeze);
        register_module("excitation", excitation);
    }

    public override Tensor forward(Tensor input)
    {
        using var pool = torch.nn.functional.adaptive_avg_pool2d(input, 1);
        using var flat = pool.reshape(-1, numChannels);
        using var s = squeeze.call(flat);
        using var r = torch.nn.functional.relu(s);
        using var e = excitation.call(r);
        using var g = torch.sigmoid(e);
        using var scale = g.reshape(-1, numChannels, 1, 1);
        return input.mul(scale);
    }
}
