namespace Seg.Cli.Commands;

/// <summary>
/// How much the quickstart trains: PSSL pre-training iterations, fine-tuning iterations (the same for every start),
/// fine-tuning seeds (0 .. Seeds-1), for tests a batch size other than the configs', and the classifier's iterations
/// when the classification-pretrained start runs too.
/// </summary>
internal sealed record QuickstartSchedule(long PsslIters, long SegIters, int Seeds, int? BatchSize = null)
{
    public long? ClassifierIters { get; init; }
}
