using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>HRNet's Branches: per branch, a chain of basic blocks <c>bb_{name}_branch_layer_{i}_{j}</c>.</summary>
public sealed class HRNetBranches : Module<Tensor[], Tensor[]>
{
    private readonly List<List<HRNetBasicBlock>> branches = [];

    public HRNetBranches(IReadOnlyList<int> numBlocks, IReadOnlyList<long> inChannels, IReadOnlyList<long> outChannels, bool hasSe, string name, bool paddingSame)
        : base(nameof(HRNetBranches))
    {
        for (var i = 0; i < outChannels.Count; i++)
        {
            var chain = new List<HRNetBasicBlock>();
            for (var j = 0; j < numBlocks[i]; j++)
            {
                var block = new HRNetBasicBlock(j == 0 ? inChannels[i] : outChannels[i], outChannels[i], 1, hasSe, downsample: false, paddingSame);
                register_module($"bb_{name}_branch_layer_{i + 1}_{j + 1}", block);
                chain.Add(block);
            }
            branches.Add(chain);
        }
    }

    public override Tensor[] forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outs = new List<Tensor>(input.Length);
        try
        {
            for (var i = 0; i < input.Length; i++)
            {
                var x = input[i].alias();
                foreach (var block in branches[i])
                {
                    var next = block.call(x);
                    x.Dispose();
                    x = next;
                }
                outs.Add(x);
            }
            return [.. outs];
        }
        catch
        {
            foreach (var t in outs) t.Dispose();
            throw;
        }
    }
}
