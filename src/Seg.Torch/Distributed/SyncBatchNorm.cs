using Seg.Torch.Modules;

namespace Seg.Torch.Distributed;

/// <summary>
/// PyTorch's <c>SyncBatchNorm.convert_sync_batchnorm</c> / Paddle's <c>nn.SyncBatchNorm.convert_sync_batchnorm</c>:
/// every BatchNorm2d of a model computes its training statistics over all ranks of <c>group</c>. The layers, their
/// parameters and state-dict keys stay the same, so checkpoints are interchangeable with plain BatchNorm.
/// </summary>
public static class SyncBatchNorm
{
    /// <summary>Converts every BatchNorm2d under <paramref name="model"/>; returns how many.</summary>
    public static int Convert(Module model, ProcessGroup group)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(group);
        var count = 0;
        foreach (var bn in model.modules().OfType<BatchNorm2d>())
        {
            bn.process_group = group;
            count++;
        }
        return count;
    }
}
