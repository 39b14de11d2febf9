using Seg.Torch.Modules;

namespace Seg.Core.Training;

/// <summary>
/// Data parallelism's two points in the training loop: once before the first iteration (every rank starts from
/// rank 0's parameters and buffers) and after every backward, before the optimizer step (gradients averaged
/// across ranks). Null on a <see cref="Trainer"/>: one process.
/// </summary>
public interface IGradientSynchronizer
{
    void SynchronizeStart(Module model);

    void AverageGradients(Module model);
}
