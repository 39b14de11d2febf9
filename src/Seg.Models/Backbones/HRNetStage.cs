using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>HRNet's Stage: num_modules HighResolutionModules in a row (<c>stage_{name}_{i}</c>).</summary>
public sealed class HRNetStage : Module<Tensor[], Tensor[]>
{
    private readonly List<HighResolutionModule> modulesInOrder = [];

    public HRNetStage(IReadOnlyList<long> numChannels, int numModules, IReadOnlyList<int> numBlocks, IReadOnlyList<long> numFilters, bool hasSe,
        string name, bool alignCorners, bool paddingSame) : base(nameof(HRNetStage))
    {
        for (var i = 0; i < numModules; i++)
        {
            var module = new HighResolutionModule(numChannels, numBlocks, numFilters, hasSe, multiScaleOutput: true, $"{name}_{i + 1}", alignCorners, paddingSame);
            register_module($"stage_{name}_{i + 1}", module);
            modulesInOrder.Add(module);
        }
    }

    public override Tensor[] forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input.Select(t => t.alias()).ToArray();
        foreach (var module in modulesInOrder)
        {
            Tensor[] next;
            try
            {
                next = module.call(x);
            }
            finally
            {
                foreach (var t in x) t.Dispose();
            }
            x = next;
        }
        return x;
    }
}
