using Seg.Torch;

namespace Seg.Core.Precision;

/// <summary>
/// PaddleSeg's --precision / --amp_level for training and in-training evaluation: with fp16, the forward and the
/// losses run under autocast with PaddleSeg's op lists (<see cref="PaddleAmpLists"/>) and the loss is scaled
/// (<see cref="GradScaler"/>, init_loss_scaling 1024). Autocast runs in float16 on CUDA and in bfloat16 on the CPU,
/// where libtorch 1.13 has no float16 autocast. Level O2 (fp16 weights, float32 master weights) is not supported.
/// </summary>
public sealed record MixedPrecision
{
    /// <summary>PaddleSeg's init_loss_scaling.</summary>
    public const float InitLossScaling = 1024f;

    private MixedPrecision(bool enabled, AmpLevel level)
    {
        Enabled = enabled;
        Level = level;
    }

    /// <summary>Plain float32 (--precision fp32).</summary>
    public static MixedPrecision Float32 { get; } = new(false, AmpLevel.O1);

    /// <summary>--precision fp16 at <paramref name="level"/>; O2 throws <see cref="NotSupportedException"/> naming what is missing.</summary>
    public static MixedPrecision Fp16(AmpLevel level) => level == AmpLevel.O2
        ? throw new NotSupportedException(O2Unsupported)
        : new MixedPrecision(true, level);

    /// <summary>Why --amp_level O2 is refused.</summary>
    public const string O2Unsupported = "--amp_level O2 (pure fp16: weights cast to fp16 with float32 master weights in the optimizer, paddle.amp.decorate) is not supported by Seg; use --amp_level O1 (autocast with PaddleSeg's white and black lists)";

    public bool Enabled { get; }

    public AmpLevel Level { get; }

    /// <summary>The autocast dtype on <paramref name="device"/>: float16 on CUDA, bfloat16 on the CPU.</summary>
    public static ScalarType LowerDtype(DeviceType device) => device == DeviceType.CPU ? ScalarType.BFloat16 : ScalarType.Float16;

    /// <summary>Autocast with PaddleSeg's lists until disposed, on this thread; null when disabled.</summary>
    public IDisposable? Enter(DeviceType device) => Enabled ? new MixedPrecisionScope(device) : null;

    /// <summary>PaddleSeg's GradScaler(init_loss_scaling=1024); null when disabled.</summary>
    public GradScaler? NewScaler() => Enabled ? new GradScaler(InitLossScaling) : null;

    public override string ToString() => Enabled ? $"fp16 {Level}" : "fp32";
}
