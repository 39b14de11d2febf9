using System.Globalization;

namespace Seg.Cli.Commands;

/// <summary>The median step of <c>seg bench</c> and the process's peak resident set.</summary>
internal sealed record BenchResult(BenchSettings Settings, string Model, int Threads, double MedianSeconds, double PeakRssMiB)
{
    internal double ImagesPerSecond => Settings.Batch / MedianSeconds;

    // Named by the config file (PP-LiteSeg-T and -B are one model class with different backbones).
    internal string Case => string.Create(CultureInfo.InvariantCulture,
        $"{(Settings.Train ? "train" : "eval")}_{Path.GetFileNameWithoutExtension(Settings.Config)}_{Settings.Height}x{Settings.Width}_b{Settings.Batch}{(Settings.BFloat16 ? "_bf16" : "")}{(Settings.Train && !Settings.Fused ? "_unfused" : "")}{(Settings.Train && Settings.CrossEntropyOnEveryOutput ? "_ce" : "")}{(!Settings.Train && !Settings.FoldBatchNorm ? "_unfolded" : "")}");

    internal string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"bench {(Settings.Train ? "train" : "eval")} {Model} {Settings.Height}x{Settings.Width} batch {Settings.Batch} {(Settings.BFloat16 ? "bf16" : "fp32")}, {Threads} threads: " +
        $"{ImagesPerSecond:F3} images/s ({MedianSeconds:F3} s/step, median of {Settings.Steps} after {Settings.Warmup} warm-up), peak RSS {PeakRssMiB:F0} MiB");

    internal string Tsv() => string.Join('\t', "seg", Case, Threads.ToString(CultureInfo.InvariantCulture),
        ImagesPerSecond.ToString("F3", CultureInfo.InvariantCulture), "images/s", Settings.Steps.ToString(CultureInfo.InvariantCulture),
        PeakRssMiB.ToString("F0", CultureInfo.InvariantCulture));
}
