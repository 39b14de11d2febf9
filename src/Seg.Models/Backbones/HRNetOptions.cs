namespace Seg.Models.Backbones;

/// <summary>
/// The YAML keys of <c>type: HRNet_W18 / HRNet_W48</c> (PaddleSeg's HRNet arguments). The stage layout
/// (stageN_num_modules / num_blocks / num_channels) is fixed by the type; a config that sets it must give stage N
/// exactly N branches.
/// </summary>
public sealed record HRNetOptions
{
    public long InChannels { get; init; } = 3;

    /// <summary>Adds a squeeze-and-excitation layer to every block.</summary>
    public bool HasSe { get; init; }

    public bool AlignCorners { get; init; }

    /// <summary>Paddle's padding='same' for the 3×3 convs (asymmetric for stride 2 on even sizes); false: padding 1.</summary>
    public bool PaddingSame { get; init; } = true;

    public int? Stage1NumModules { get; init; }

    public IReadOnlyList<int>? Stage1NumBlocks { get; init; }

    public IReadOnlyList<long>? Stage1NumChannels { get; init; }

    public int? Stage2NumModules { get; init; }

    public IReadOnlyList<int>? Stage2NumBlocks { get; init; }

    public IReadOnlyList<long>? Stage2NumChannels { get; init; }

    public int? Stage3NumModules { get; init; }

    public IReadOnlyList<int>? Stage3NumBlocks { get; init; }

    public IReadOnlyList<long>? Stage3NumChannels { get; init; }

    public int? Stage4NumModules { get; init; }

    public IReadOnlyList<int>? Stage4NumBlocks { get; init; }

    public IReadOnlyList<long>? Stage4NumChannels { get; init; }

    /// <summary>Backbone weights (a safetensors file or checkpoint folder, keys relative to the backbone), loaded at the end of construction.</summary>
    public string? Pretrained { get; init; }
}
