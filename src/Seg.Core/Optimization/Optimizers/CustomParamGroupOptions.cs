namespace Seg.Core.Optimization.Optimizers;

/// <summary>One <c>custom_cfg</c> entry: parameters whose structured name contains <see cref="Name"/>.</summary>
public sealed record CustomParamGroupOptions
{
    public required string Name { get; init; }

    /// <summary>The group's lr multiplier. As in Paddle, it replaces a module's own multiplier (e.g. STDC's relative_lr).</summary>
    public double LrMult { get; init; } = 1.0;

    /// <summary>The group's weight decay is weight_decay × this, when both are set.</summary>
    public double? WeightDecayMult { get; init; }
}
