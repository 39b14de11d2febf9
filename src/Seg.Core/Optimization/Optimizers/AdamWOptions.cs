namespace Seg.Core.Optimization.Optimizers;

/// <summary><c>type: AdamW</c>: Adam's keys, with weight_decay defaulting to 0.01 (decoupled).</summary>
public sealed record AdamWOptions : AdamOptions
{
    public AdamWOptions() => WeightDecay = 0.01;
}
