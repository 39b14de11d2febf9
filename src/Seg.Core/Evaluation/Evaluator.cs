using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;

namespace Seg.Core.Evaluation;

/// <summary>PaddleSeg's evaluate() (spec §8.2): every image of a val dataset through <see cref="SegInference"/>, metrics at the end.</summary>
public static class Evaluator
{
    // PLACEHOLDER (replaced by the evaluation work).
    public static EvaluationResult Evaluate(SegModel model, SegDataset dataset, InferenceOptions options, EvaluationRunOptions? run = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("evaluation is not implemented yet");
}
