using Seg.Torch;

namespace Seg.Pssl.Classification;

/// <summary>A classifier made of a feature extractor, global average pooling and a linear layer (what CAM and Grad-CAM need).</summary>
public interface IFeatureClassifier : IImageClassifier
{
    /// <summary>The last feature map [N, K, h, w].</summary>
    Tensor Features(Tensor input);

    /// <summary>Global average pooling and the linear layer: [N, K, h, w] → [N, C].</summary>
    Tensor ClassifyFeatures(Tensor features);

    /// <summary>The linear layer's weight [C, K].</summary>
    Tensor ClassWeights { get; }
}
