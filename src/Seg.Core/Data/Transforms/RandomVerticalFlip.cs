using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Flips the image and gt_fields top-bottom when <c>random.random() &lt; prob</c>.</summary>
[SegComponent("RandomVerticalFlip", ComponentKind.Transform)]
public sealed class RandomVerticalFlip(RandomVerticalFlipOptions options) : RandomFlip(0)
{
    public RandomVerticalFlipOptions Options { get; } = options;

    protected override double Prob => Options.Prob;
}
