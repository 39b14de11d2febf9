namespace Seg.Core.Data.Transforms;

/// <summary>A PaddleSeg transform: changes a sample in place, drawing randomness only from <paramref name="random"/>.</summary>
public interface ITransform
{
    void Apply(SegSample sample, ISampleRandom random);
}
