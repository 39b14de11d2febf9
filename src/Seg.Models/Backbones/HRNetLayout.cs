namespace Seg.Models.Backbones;

/// <summary>The stage layout of an HRNet variant: per stage, the module count and per-branch block counts and channels.</summary>
public sealed record HRNetLayout(
    int Stage1NumModules, IReadOnlyList<int> Stage1NumBlocks, IReadOnlyList<long> Stage1NumChannels,
    int Stage2NumModules, IReadOnlyList<int> Stage2NumBlocks, IReadOnlyList<long> Stage2NumChannels,
    int Stage3NumModules, IReadOnlyList<int> Stage3NumBlocks, IReadOnlyList<long> Stage3NumChannels,
    int Stage4NumModules, IReadOnlyList<int> Stage4NumBlocks, IReadOnlyList<long> Stage4NumChannels)
{
    /// <summary>PaddleSeg's HRNet_W{width}: 1, 1, 4, 3 modules of 4-block branches with width·2^i channels.</summary>
    public static HRNetLayout Standard(long width) => new(
        1, [4], [64],
        1, [4, 4], [width, width * 2],
        4, [4, 4, 4], [width, width * 2, width * 4],
        3, [4, 4, 4, 4], [width, width * 2, width * 4, width * 8]);

    /// <summary>The layout with every stage key the options set replacing the variant's.</summary>
    public HRNetLayout With(HRNetOptions o) => new(
        o.Stage1NumModules ?? Stage1NumModules, o.Stage1NumBlocks ?? Stage1NumBlocks, o.Stage1NumChannels ?? Stage1NumChannels,
        o.Stage2NumModules ?? Stage2NumModules, o.Stage2NumBlocks ?? Stage2NumBlocks, o.Stage2NumChannels ?? Stage2NumChannels,
        o.Stage3NumModules ?? Stage3NumModules, o.Stage3NumBlocks ?? Stage3NumBlocks, o.Stage3NumChannels ?? Stage3NumChannels,
        o.Stage4NumModules ?? Stage4NumModules, o.Stage4NumBlocks ?? Stage4NumBlocks, o.Stage4NumChannels ?? Stage4NumChannels);

    /// <summary>Stage N has N branches (stage 1 one), every count is positive.</summary>
    public void Validate()
    {
        Check(1, Stage1NumModules, Stage1NumBlocks, Stage1NumChannels);
        Check(2, Stage2NumModules, Stage2NumBlocks, Stage2NumChannels);
        Check(3, Stage3NumModules, Stage3NumBlocks, Stage3NumChannels);
        Check(4, Stage4NumModules, Stage4NumBlocks, Stage4NumChannels);
    }

    private static void Check(int stage, int modules, IReadOnlyList<int> blocks, IReadOnlyList<long> channels)
    {
        if (modules < 1) throw new ArgumentException($"stage{stage}_num_modules: must be at least 1, got {modules}");
        if (blocks.Count != stage)
            throw new ArgumentException($"stage{stage}_num_blocks: stage {stage} has {stage} branch(es), so it needs {stage} value(s), got {blocks.Count}");
        if (channels.Count != stage)
            throw new ArgumentException($"stage{stage}_num_channels: stage {stage} has {stage} branch(es), so it needs {stage} value(s), got {channels.Count}");
        if (blocks.Any(b => b < 1) || channels.Any(c => c < 1))
            throw new ArgumentException($"stage{stage}: block counts and channels must be positive");
    }
}
