namespace Seg.Torch.Modules;

/// <summary>
/// One conv → batch-norm pair folded for evaluation: the conv's weight and bias with the batch norm's running statistics
/// and affine parameters folded in (w·γ/√(σ²+ε), (b − μ)·γ/√(σ²+ε) + β; computed in float64). While both modules are in eval
/// mode the conv runs with these and the batch norm passes its input through; in training mode both run as usual. The
/// folded tensors are not registered, so state dicts never see them.
/// </summary>
public sealed class ConvBatchNormFold : IDisposable
{
    internal ConvBatchNormFold(Conv2d conv, BatchNorm2d batchNorm)
    {
        Conv = conv;
        BatchNorm = batchNorm;
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var dtype = conv.weight.dtype;
        var scale = (batchNorm.running_var!.to(ScalarType.Float64) + batchNorm.eps).rsqrt();
        if (batchNorm.weight is { } gamma) scale = scale * gamma.to(ScalarType.Float64);
        var mean = batchNorm.running_mean!.to(ScalarType.Float64);
        var shift = conv.bias is { } b ? (b.to(ScalarType.Float64) - mean) * scale : -mean * scale;
        if (batchNorm.bias is { } beta) shift = shift + beta.to(ScalarType.Float64);
        Weight = (conv.weight.to(ScalarType.Float64) * scale.reshape(-1, 1, 1, 1)).to(dtype).DetachFromDisposeScope();
        Bias = shift.to(dtype).DetachFromDisposeScope();
    }

    public Conv2d Conv { get; }

    public BatchNorm2d BatchNorm { get; }

    /// <summary>The folded conv weight [out, in/groups, kh, kw].</summary>
    public Tensor Weight { get; }

    /// <summary>The folded conv bias [out].</summary>
    public Tensor Bias { get; }

    /// <summary>True while both modules are in eval mode: the conv uses the folded tensors and the batch norm is skipped.</summary>
    public bool Active => !Conv.training && !BatchNorm.training;

    /// <summary>Whether the pair can be folded: eval batch norm over the conv's output channels with running statistics.</summary>
    internal static bool CanFold(Conv2d conv, BatchNorm2d batchNorm) =>
        batchNorm.running_mean is not null && batchNorm.running_var is not null && batchNorm.num_features == conv.out_channels
        && conv.Fold is null && batchNorm.FoldedInto is null && ScalarTypeInfo.IsFloatingPoint(conv.weight.dtype);

    public void Dispose()
    {
        if (ReferenceEquals(Conv.Fold, this)) Conv.Fold = null;
        if (ReferenceEquals(BatchNorm.FoldedInto, this)) BatchNorm.FoldedInto = null;
        Weight.Dispose();
        Bias.Dispose();
    }
}
