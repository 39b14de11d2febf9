namespace Seg.Core.Data.Transforms;

/// <summary>What RandomHorizontalFlip and RandomVerticalFlip share: flip the image and gt_fields along one axis when <c>random.random() &lt; prob</c>.</summary>
/// <param name="axis">The axis of the HWC image: 1 left-right, 0 top-bottom.</param>
public abstract class RandomFlip(int axis) : ITransform
{
    /// <summary>The configured prob.</summary>
    protected abstract double Prob { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        if (random.Random() < Prob) sample.Geometric(t => TransformArgs.Flip(t, axis), t => TransformArgs.Flip(t, axis));
    }
}
