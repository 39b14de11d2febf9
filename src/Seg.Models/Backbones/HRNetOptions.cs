using Seg.Models.Layers;
using Seg.Core.Registry;
namespace Seg.Models.Backbones;

/// <summary>
/// The YAML keys of <c>type: HRNet_W18 / HRNet_W48</c> (PaddleSeg's HRNet arguments). The stage layout
/// (stageN_num_modules / num_blocks / num_channels) is fixed by the type; a config that sets it must give stage N
/// exactly N branches.
/// </summary>
public sealed record HRNetOptions : IValidatedOptions
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

    public (string Key, string Reason)? Validate() =>
        Stage(1, Stage1NumModules, Stage1NumBlocks, Stage1NumChannels) ?? Stage(2, Stage2NumModules, Stage2NumBlocks, Stage2NumChannels)
        ?? Stage(3, Stage3NumModules, Stage3NumBlocks, Stage3NumChannels) ?? Stage(4, Stage4NumModules, Stage4NumBlocks, Stage4NumChannels);

    // Stage N of HRNet has N parallel branches: one block count and one channel count per branch.
    private static (string Key, string Reason)? Stage(int stage, int? modules, IReadOnlyList<int>? blocks, IReadOnlyList<long>? channels)
    {
        if (modules is < 1) return ($"stage{stage}_num_modules", $"must be at least 1, got {modules}.");
        if (blocks is not null && (blocks.Count != stage || blocks.Any(b => b < 1)))
            return ($"stage{stage}_num_blocks", $"stage {stage} has {stage} branch(es): write {stage} positive block count(s), got {OptionsValidation.List(blocks)}.");
        if (channels is not null && (channels.Count != stage || channels.Any(c => c < 1)))
            return ($"stage{stage}_num_channels", $"stage {stage} has {stage} branch(es): write {stage} positive channel count(s), got {OptionsValidation.List(channels)}.");
        return null;
    }
}
