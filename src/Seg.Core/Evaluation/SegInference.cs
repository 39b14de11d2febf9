using Seg.Core.Contracts;
using Seg.Core.Data;
using Seg.Torch;

namespace Seg.Core.Evaluation;

/// <summary>PaddleSeg's infer.inference / aug_inference / slide_inference (spec §8.3-8.5).</summary>
public static class SegInference
{
    // PLACEHOLDER (replaced by the evaluation work).
    /// <summary>
    /// Logits [1, K, h, w] of one normalised image [1, C, H, W] (the model in eval mode, under no_grad), brought back
    /// to the original size through <paramref name="transInfo"/> (walked in reverse: resize → bilinear, padding → crop).
    /// </summary>
    public static Tensor Logits(SegModel model, Tensor image, IReadOnlyList<TransInfo> transInfo, InferenceOptions options) =>
        throw new NotImplementedException("inference is not implemented yet");
}
