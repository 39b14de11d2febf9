using Seg.Torch;

namespace Seg.Core.Precision;

/// <summary>An autocast region with PaddleSeg's op lists (<see cref="MixedPrecision.Enter"/>).</summary>
internal sealed class MixedPrecisionScope : IDisposable
{
    private readonly AutocastGuard autocast;
    private readonly AutocastOpListsGuard lists;

    internal MixedPrecisionScope(DeviceType device)
    {
        var dtype = MixedPrecision.LowerDtype(device);
        autocast = device == DeviceType.CPU ? torch.autocast_cpu(dtype) : torch.autocast_cuda(dtype);
        try
        {
            lists = torch.autocast_op_lists(PaddleAmpLists.PaddleSegPolicies());
        }
        catch
        {
            autocast.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lists.Dispose();
        autocast.Dispose();
    }
}
