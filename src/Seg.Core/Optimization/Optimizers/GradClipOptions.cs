namespace Seg.Core.Optimization.Optimizers;

/// <summary>
/// <c>grad_clip_cfg</c>: <c>name</c> is <c>ClipGradByValue</c> (<c>max</c>, optional <c>min</c>, default −max),
/// <c>ClipGradByNorm</c> or <c>ClipGradByGlobalNorm</c> (<c>clip_norm</c>); the other keys are the
/// <c>paddle.nn.&lt;name&gt;</c> arguments.
/// </summary>
public sealed record GradClipOptions
{
    public required string Name { get; init; }

    public double? ClipNorm { get; init; }

    public double? Max { get; init; }

    public double? Min { get; init; }

    /// <summary>ClipGradByGlobalNorm's group_name (only one group here, so it has no effect).</summary>
    public string? GroupName { get; init; }

    /// <summary>ClipGradByGlobalNorm's auto_skip_clip (a static-graph option; no effect here).</summary>
    public bool AutoSkipClip { get; init; }
}
