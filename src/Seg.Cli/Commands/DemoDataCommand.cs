using System.CommandLine;
using System.Diagnostics;
using Seg.Pssl.Demo;

namespace Seg.Cli.Commands;

// `seg data make-demo [--output data/demo] [--seed 0] [--size N]`: the quickstart's generated data.
internal static class DemoDataCommand
{
    internal static Command Create()
    {
        var output = CliOptions.Text("--output", Path.Combine("data", "demo"), "Where the demo data goes (pssl/ and seg/ are created inside)");
        var seed = CliOptions.Int("--seed", 0, "Random seed; the same seed writes the same files");
        var size = CliOptions.Int("--size", new DemoDataOptions().Size, "PSSL images per class; the segmentation set gets 3x as many training and as many validation images");
        var command = new Command("make-demo", "Generate the demo data: an ImageNet+PSSL-format tree of synthetic single-object images and a small segmentation dataset of the same scenes.")
        {
            output, seed, size,
        };
        command.SetAction(r =>
        {
            var writer = r.InvocationConfiguration.Output;
            if (r.GetValue(size) < 1) return CommandErrors.Report(r.InvocationConfiguration.Error, "data make-demo", ["--size must be at least 1"]) ? CommandErrors.ExitCode : 0;
            var clock = Stopwatch.StartNew();
            DemoData.Generate(new DemoDataOptions { Output = r.GetValue(output)!, Seed = r.GetValue(seed), Size = r.GetValue(size) }, writer);
            writer.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
