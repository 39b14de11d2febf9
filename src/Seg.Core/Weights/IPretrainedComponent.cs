namespace Seg.Core.Weights;

/// <summary>
/// A component with a <c>pretrained:</c> key. Constructors build the architecture only; the builder applies the weights
/// afterwards (<see cref="PretrainedWeights.ApplyConfigured"/>), backbone before model, as PaddleSeg's init order does.
/// </summary>
public interface IPretrainedComponent
{
    /// <summary>The configured weights (file, checkpoint folder or URL); null or empty when there are none.</summary>
    string? Pretrained { get; }
}
