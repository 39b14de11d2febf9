namespace Seg.Cli.Commands;

/// <summary>What <c>seg bench</c> times.</summary>
internal sealed record BenchSettings(bool Train, string Config, int Height, int Width, int Batch, int? Threads, bool BFloat16,
    int Warmup, int Steps, bool Fused, bool CrossEntropyOnEveryOutput, IReadOnlyList<string> Opts, bool FoldBatchNorm = true);
