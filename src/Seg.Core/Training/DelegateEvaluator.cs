using Seg.Core.Contracts;
using Seg.Core.Evaluation;

namespace Seg.Core.Training;

/// <summary>An <see cref="ITrainingEvaluator"/> from a function (the CLI wraps Evaluator.Evaluate; tests pass fakes).</summary>
public sealed class DelegateEvaluator(Func<SegModel, CancellationToken, EvaluationResult> evaluate) : ITrainingEvaluator
{
    public EvaluationResult Evaluate(SegModel model, CancellationToken cancellationToken) => evaluate(model, cancellationToken);
}
