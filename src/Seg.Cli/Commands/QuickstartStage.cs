namespace Seg.Cli.Commands;

/// <summary>
/// One command of the quickstart: a banner, the <c>seg</c> arguments, and for an evaluation of a fine-tuned model,
/// which start and seed it measures and the metrics.json it writes.
/// </summary>
internal sealed record QuickstartStage(string Banner, string[] Args)
{
    public string? Start { get; init; }

    public int Seed { get; init; }

    public string? MetricsFile { get; init; }
}
