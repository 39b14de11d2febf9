namespace Seg.Models.Backbones;

/// <summary>The YAML keys of <c>type: STDC1</c> / <c>type: STDC2</c> (PaddleSeg's STDCNet arguments).</summary>
public sealed record STDCNetOptions
{
    /// <summary>Multiplier of the learning rate for every backbone parameter (Paddle's ParamAttr(learning_rate)).</summary>
    public double RelativeLr { get; init; } = 1.0;

    public long InChannels { get; init; } = 3;

    /// <summary>Backbone weights (a safetensors file or checkpoint folder, keys relative to the backbone), loaded at the end of construction.</summary>
    public string? Pretrained { get; init; }
}
