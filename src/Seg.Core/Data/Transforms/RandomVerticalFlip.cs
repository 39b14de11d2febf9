using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Flips the image and gt_fields top-bottom when <c>random.random() &lt; prob</c>.</summary>
[SegComponent("RandomVerticalFlip", ComponentKind.Transform)]
public sealed class RandomVerticalFlip(RandomVerticalFlipOptions options) : ITransform
{
    public RandomVerticalFlipOptions Options { get; } = options;

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        if (random.Random() < Options.Prob) sample.Geometric(t => TransformArgs.Flip(t, 0), t => TransformArgs.Flip(t, 0));
    }
}
