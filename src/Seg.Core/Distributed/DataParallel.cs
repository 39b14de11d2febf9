using Seg.Core.Training;
using Seg.Torch;
using Seg.Torch.Distributed;
using Seg.Torch.Modules;

namespace Seg.Core.Distributed;

/// <summary>
/// PaddleSeg's (and PyTorch DDP's) data parallelism over a c10d process group: rank 0's parameters and buffers are
/// broadcast at the start, gradients are averaged in buckets after every backward (<see cref="GradientBuckets"/>),
/// and stop decisions are agreed by one small all_reduce.
/// </summary>
public sealed class DataParallel(ProcessGroup group) : IGradientSynchronizer, IStopAgreement
{
    public ProcessGroup Group { get; } = group ?? throw new ArgumentNullException(nameof(group));

    public GradientBuckets Gradients { get; } = new(group);

    public void SynchronizeStart(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        var tensors = model.parameters().Select(p => p.detach()).Concat(model.buffers().Select(b => b.detach())).ToList();
        Group.broadcast(tensors, src: 0);
    }

    public void AverageGradients(Module model) => Gradients.Average(model);

    public int FirstRank(bool stop)
    {
        using var flag = torch.tensor(new[] { stop ? Group.Rank : Group.WorldSize });
        Group.all_reduce(flag, ReduceOp.MIN);
        var first = flag.item<int>();
        return first < Group.WorldSize ? first : -1;
    }
}
