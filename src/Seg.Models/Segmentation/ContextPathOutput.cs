using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>What STDCSeg's context path returns: backbone features at 1/2 … 1/16 and the context at 1/8 and 1/16.</summary>
public sealed record ContextPathOutput(Tensor Feat2, Tensor Feat4, Tensor Feat8, Tensor Feat16, Tensor Context8, Tensor Context16) : ITensorContainer, IDisposable
{
    public IEnumerable<Tensor> Tensors => [Feat2, Feat4, Feat8, Feat16, Context8, Context16];

    public void Dispose()
    {
        Feat2.Dispose();
        Feat4.Dispose();
        Feat8.Dispose();
        Feat16.Dispose();
        Context8.Dispose();
        Context16.Dispose();
    }
}
