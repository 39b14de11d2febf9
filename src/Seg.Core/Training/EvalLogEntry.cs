using Seg.Core.Contracts;
using Seg.Core.Evaluation;

namespace Seg.Core.Training;

/// <summary>An evaluation during training and the model evaluated (in eval mode while the sinks run).</summary>
public sealed record EvalLogEntry(int Iteration, long Epoch, EvaluationResult Result, SegModel Model);
