using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Flips the image and gt_fields left-right when <c>random.random() &lt; prob</c>.</summary>
[SegComponent("RandomHorizontalFlip", ComponentKind.Transform)]
public sealed class RandomHorizontalFlip(RandomHorizontalFlipOptions options) : ITransform
{
    public RandomHorizontalFlipOptions Options { get; } = options;

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        if (random.Random() < Options.Prob) sample.Geometric(t => TransformArgs.Flip(t, 1), t => TransformArgs.Flip(t, 1));
    }
}
