using Seg.Core.Contracts;
using Seg.Core.Evaluation;

namespace Seg.Core.Training;

/// <summary>Evaluates the model during training (the model is in eval mode when called; the trainer restores train mode).</summary>
public interface ITrainingEvaluator
{
    EvaluationResult Evaluate(SegModel model, CancellationToken cancellationToken);
}
