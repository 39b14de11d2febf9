namespace Seg.Torch.Modules;

/// <summary>
/// A module whose forward feeds a conv's output only into a batch norm (conv → BN, nothing in between, the conv output
/// used nowhere else), so that <see cref="BatchNormFolding"/> may fold the pair into one conv for evaluation.
/// </summary>
public interface IConvBatchNormPairs
{
    IEnumerable<(Conv2d Conv, BatchNorm2d BatchNorm)> ConvBatchNormPairs { get; }
}
