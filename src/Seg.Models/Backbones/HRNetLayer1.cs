using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>HRNet's Layer1 (stage 1): bottleneck blocks <c>bb_{name}_{i}</c>, the first with a projected shortcut.</summary>
public sealed class HRNetLayer1 : Module<Tensor, Tensor>
{
    private readonly List<HRNetBottleneckBlock> blocks = [];

    public HRNetLayer1(long numChannels, long numFilters, int numBlocks, bool hasSe, string name, bool paddingSame) : base(nameof(HRNetLayer1))
    {
        for (var i = 0; i < numBlocks; i++)
        {
            var block = new HRNetBottleneckBlock(i == 0 ? numChannels : numFilters * 4, numFilters, hasSe, 1, downsample: i == 0, paddingSame);
            register_module($"bb_{name}_{i + 1}", block);
            blocks.Add(block);
        }
    }

    public override Tensor forward(Tensor input)
    {
        var x = input.alias();
        foreach (var block in blocks)
        {
            var next = block.call(x);
            x.Dispose();
            x = next;
        }
        return x;
    }
}
