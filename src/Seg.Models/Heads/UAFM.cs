using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>
/// PaddleSeg's UAFM (Unified Attention Fusion Module, layers/tensor_fusion.py): x, the low-level feature,
/// goes through conv_x; y, the high-level one, is resized to x's size; <see cref="Fuse"/> combines them and
/// conv_out makes the output. The base fuses by addition; <see cref="AttentionUAFM"/> weights x and y by an attention map.
/// </summary>
public class UAFM : Module
{
    private readonly ConvBNReLU convX;
    private readonly ConvBNReLU convOut;

    public UAFM(long xChannels, long yChannels, long outChannels, long kernelSize = 3, ResizeMode resizeMode = ResizeMode.Bilinear)
        : this(nameof(UAFM), xChannels, yChannels, outChannels, kernelSize, resizeMode)
    {
    }

    /// <summary>For subclasses: <paramref name="name"/> is the PaddleSeg class name.</summary>
    protected UAFM(string name, long xChannels, long yChannels, long outChannels, long kernelSize, ResizeMode resizeMode)
        : base(name)
    {
        convX = new ConvBNReLU(xChannels, yChannels, kernelSize, padding: kernelSize / 2, bias: false);
        convOut = new ConvBNReLU(yChannels, outChannels, 3, padding: 1, bias: false);
        ResizeMode = resizeMode;
        register_module("conv_x", convX);
        register_module("conv_out", convOut);
    }

    public ResizeMode ResizeMode { get; }

    /// <summary>Builds the module PaddleSeg names <paramref name="type"/>.</summary>
    public static UAFM Create(ArmType type, long xChannels, long yChannels, long outChannels, long kernelSize, ResizeMode resizeMode) => type switch
    {
        ArmType.UAFM => new UAFM(xChannels, yChannels, outChannels, kernelSize, resizeMode),
        ArmType.UAFM_SpAtten => new UAFM_SpAtten(xChannels, yChannels, outChannels, kernelSize, resizeMode),
        ArmType.UAFM_SpAtten_S => new UAFM_SpAtten_S(xChannels, yChannels, outChannels, kernelSize, resizeMode),
        ArmType.UAFM_ChAtten => new UAFM_ChAtten(xChannels, yChannels, outChannels, kernelSize, resizeMode),
        ArmType.UAFM_ChAtten_S => new UAFM_ChAtten_S(xChannels, yChannels, outChannels, kernelSize, resizeMode),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown arm_type"),
    };

    /// <summary>x: the low-level feature (larger), y: the high-level feature.</summary>
    public Tensor forward(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var xp = convX.call(x);
        var yUp = Resize.To(y, Resize.SpatialSize(xp), ResizeMode);
        var fused = Fuse(xp, yUp);
        return convOut.call(fused);
    }

    /// <summary>Combines the prepared x and y (same shape) before conv_out.</summary>
    protected virtual Tensor Fuse(Tensor x, Tensor y) => x + y;
}
