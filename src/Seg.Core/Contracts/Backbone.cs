using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Contracts;

/// <summary>A backbone (PaddleSeg's `backbone:` component): images to a list of feature maps.</summary>
public abstract class Backbone(string name) : Module<Tensor, Tensor[]>(name)
{
    /// <summary>Channels of each returned feature map (PaddleSeg's feat_channels).</summary>
    public abstract IReadOnlyList<long> FeatChannels { get; }
}
