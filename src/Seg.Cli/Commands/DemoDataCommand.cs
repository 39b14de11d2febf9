using System.CommandLine;
using System.Diagnostics;
using Seg.Pssl.Demo;

namespace Seg.Cli.Commands;

// `seg data make-demo [--output data/demo] [--seed 0] [--size N] [--seg_train N] [--seg_val N]`: the quickstart's generated data.
internal static class DemoDataCommand
{
    internal static Command Create()
    {
        var output = CliOptions.Text("--output", Path.Combine("data", "demo"), "Where the demo data goes (pssl/ and seg/ are created inside)");
        var seed = CliOptions.Int("--seed", 0, "Random seed; the same seed writes the same files");
        var defaults = new DemoDataOptions();
        var size = CliOptions.Int("--size", defaults.Size, "PSSL images per source synset (12 synsets)");
        var segTrain = CliOptions.Int("--seg_train", defaults.SegTrain, "Labelled target images for fine-tuning");
        var segVal = CliOptions.Int("--seg_val", defaults.SegVal, "Labelled target images for evaluation");
        var command = new Command("make-demo", "Generate the demo data: many pseudo-labelled single-object images in ImageNet+PSSL format and a few labelled target scenes.")
        {
            output, seed, size, segTrain, segVal,
        };
        command.SetAction(r =>
        {
            var writer = r.InvocationConfiguration.Output;
            string[] errors = [.. new[] { ("--size", r.GetValue(size)), ("--seg_train", r.GetValue(segTrain)), ("--seg_val", r.GetValue(segVal)) }
                .Where(o => o.Item2 < 1).Select(o => $"{o.Item1} must be at least 1")];
            if (errors.Length > 0) return CommandErrors.Report(r.InvocationConfiguration.Error, "data make-demo", errors) ? CommandErrors.ExitCode : 0;
            var clock = Stopwatch.StartNew();
            DemoData.Generate(new DemoDataOptions { Output = r.GetValue(output)!, Seed = r.GetValue(seed), Size = r.GetValue(size), SegTrain = r.GetValue(segTrain), SegVal = r.GetValue(segVal) }, writer);
            writer.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
