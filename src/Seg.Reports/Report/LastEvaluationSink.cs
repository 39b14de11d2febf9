using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Reports.Samples;

namespace Seg.Reports.Report;

/// <summary>Keeps the latest evaluation of a training run (and its validation samples) for the end-of-run report.</summary>
public sealed class LastEvaluationSink(ValidationSampler? samples, TextWriter? warnings) : ITrainingSink
{
    public EvaluationResult? Result { get; private set; }

    public int? Iteration { get; private set; }

    public IReadOnlyList<ValidationSample> Samples { get; private set; } = [];

    public void Train(TrainLogEntry entry)
    {
    }

    public void Eval(EvalLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Result = entry.Result;
        Iteration = entry.Iteration;
        Samples = SampleSafely.Render(samples, entry, warnings);
    }
}
