namespace Seg.Cli.Commands;

/// <summary>
/// How much the quickstart trains: PSSL pre-training iterations, fine-tuning iterations (the same for every start),
/// fine-tuning seeds (0 .. Seeds-1) and, for tests, a batch size other than the configs'.
/// </summary>
internal sealed record QuickstartSchedule(long PsslIters, long SegIters, int Seeds, int? BatchSize = null);
