using Seg.Core.Contracts;
using Seg.Core.Evaluation;
using Seg.Core.Prediction;
using Seg.Torch;

namespace Seg.Cli.Commands;

/// <summary>How <c>seg predict</c> turns its model into per-image logits (replaceable for tests).</summary>
internal delegate ImageLogits PredictInference(SegModel model, Device device, InferenceOptions options);

internal static class PredictInferences
{
    /// <summary>PaddleSeg's inference / aug_inference (paddleseg/core/infer.py) through <see cref="SegInference.Logits"/>.</summary>
    internal static ImageLogits Default(SegModel model, Device device, InferenceOptions options) => (image, transInfo) =>
    {
        using var onDevice = image.to(device);
        return SegInference.Logits(model, onDevice, transInfo, options);
    };
}
