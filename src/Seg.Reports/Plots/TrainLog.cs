namespace Seg.Reports.Plots;

/// <summary><c>train_log.jsonl</c> read back: its [TRAIN] lines and its evaluations, in file order.</summary>
public sealed record TrainLog(IReadOnlyList<TrainLogPoint> Train, IReadOnlyList<EvalLogPoint> Eval)
{
    /// <summary>The loss term names, in order of first appearance ("loss_0:CrossEntropyLoss", ...).</summary>
    public IReadOnlyList<string> TermNames => Train.SelectMany(p => p.Terms.Keys).Distinct().ToList();
}

/// <summary>One [TRAIN] line of train_log.jsonl.</summary>
public sealed record TrainLogPoint(int Iteration, double Loss, IReadOnlyDictionary<string, double> Terms, double LearningRate, double BatchCost, double ReaderCost, double Ips);

/// <summary>One evaluation of train_log.jsonl.</summary>
public sealed record EvalLogPoint(int Iteration, double MeanIoU, double Accuracy, double Kappa, IReadOnlyList<double> ClassIoU);
