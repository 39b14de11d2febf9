using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Flips the image and gt_fields left-right when <c>random.random() &lt; prob</c>.</summary>
[SegComponent("RandomHorizontalFlip", ComponentKind.Transform)]
public sealed class RandomHorizontalFlip(RandomHorizontalFlipOptions options) : RandomFlip(1)
{
    public RandomHorizontalFlipOptions Options { get; } = options;

    protected override double Prob => Options.Prob;
}
