using Seg.Core.Data;
using Seg.Torch;

namespace Seg.Core.Prediction;

/// <summary>
/// Logits [1, K, h, w] at the original image size for one transformed image [1, C, H, W] (CPU, float32) and its
/// <c>trans_info</c>; <c>seg predict</c> passes <see cref="Evaluation.SegInference.Logits"/> with the model.
/// The result may live on any device; the caller disposes it.
/// </summary>
public delegate Tensor ImageLogits(Tensor image, IReadOnlyList<TransInfo> transInfo);
