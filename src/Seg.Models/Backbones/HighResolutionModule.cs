using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>HRNet's HighResolutionModule: the parallel branches (branches_func) then the exchange between them (fuse_func).</summary>
public sealed class HighResolutionModule : Module<Tensor[], Tensor[]>
{
    private readonly HRNetBranches branchesFunc;
    private readonly HRNetFuseLayers fuseFunc;

    public HighResolutionModule(IReadOnlyList<long> numChannels, IReadOnlyList<int> numBlocks, IReadOnlyList<long> numFilters, bool hasSe,
        bool multiScaleOutput, string name, bool alignCorners, bool paddingSame) : base(nameof(HighResolutionModule))
    {
        branchesFunc = new HRNetBranches(numBlocks, numChannels, numFilters, hasSe, name, paddingSame);
        fuseFunc = new HRNetFuseLayers(numFilters, numFilters, multiScaleOutput, name, alignCorners, paddingSame);
        register_module("branches_func", branchesFunc);
        register_module("fuse_func", fuseFunc);
    }

    public override Tensor[] forward(Tensor[] input)
    {
        var branches = branchesFunc.call(input);
        try
        {
            return fuseFunc.call(branches);
        }
        finally
        {
            foreach (var t in branches) t.Dispose();
        }
    }
}
