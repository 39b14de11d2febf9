using System.CommandLine;

namespace Seg.Cli.Commands;

// `seg bench train|eval --config X [--size H W] [--batch N] [--threads T] [--precision fp32|bf16] [--loss config|ce] [--opts k=v ...]`:
// the model's step on random inputs and labels (no data loader), warm-up then the median of the timed steps.
internal static class BenchCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var command = new Command("bench", "Time a model's training or eval step on random data: images/s (median of the timed steps) and peak RSS.");
        command.Subcommands.Add(Mode("train", "forward, the config's losses, backward and an SGD (momentum 0.9) step", plugins));
        command.Subcommands.Add(Mode("eval", "the eval-mode forward without autograd (inference mode, batch norm folded into the convs)", plugins));
        return command;
    }

    private static Command Mode(string mode, string what, Option<string[]> plugins)
    {
        var config = CliOptions.Text("--config", "The config file (YAML): its model (and, for train, its loss)");
        var size = new Option<int[]?>("--size") { Description = "Input height and width (default 256 256)", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true, HelpName = "H W" };
        var batch = CliOptions.Int("--batch", 2, "Images per step");
        var threads = CliOptions.Int("--threads", "Intra-op threads (default: libtorch's)");
        var precision = CliOptions.Choice("--precision", "fp32", "fp32, or bf16 (CPU autocast to bfloat16; train: as seg train --precision fp16, with PaddleSeg's op lists and loss scaling)", "fp32", "bf16");
        var warmup = CliOptions.Int("--warmup", 1, "Untimed steps first");
        var steps = CliOptions.Int("--steps", 5, "Timed steps (the median is reported)");
        var unfused = CliOptions.Flag("--unfused", "train: compute the full-resolution logits before the loss (no fused upsample + cross-entropy)");
        var unfolded = CliOptions.Flag("--unfolded", "eval: run conv and batch norm separately (no batch norm folded into the conv before it)");
        var loss = CliOptions.Choice("--loss", "config", "train: the config's losses, or ce: CrossEntropyLoss (ignore_index 255, no weights) on every output", "config", "ce");
        var tsv = CliOptions.Flag("--tsv", "Also print a tab-separated line: seg <case> <threads> <images/s> images/s <steps> <peak RSS MiB>");
        var opts = CliOptions.Opts();
        var command = new Command(mode, $"Time {what}.") { config, size, batch, threads, precision, warmup, steps, unfused, unfolded, loss, tsv, opts };
        command.SetAction(r =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var hw = r.GetValue(size) is { Length: 2 } pair ? pair : [256, 256];
            var o = r.GetValue(opts) ?? [];
            string?[] problems =
            [
                Validation.ExistingFile("--config", r.GetValue(config)), Validation.Positive("--size", Math.Min(hw[0], hw[1])),
                Validation.Positive("--batch", r.GetValue(batch)), Validation.Positive("--threads", r.GetValue(threads)),
                Validation.NotNegative("--warmup", r.GetValue(warmup)), Validation.Positive("--steps", r.GetValue(steps)), .. Validation.Opts(o),
            ];
            if (CommandErrors.Report(error, "bench " + mode, problems)) return CommandErrors.ExitCode;
            var settings = new BenchSettings(mode == "train", r.GetValue(config)!, hw[0], hw[1], r.GetValue(batch), r.GetValue(threads),
                r.GetValue(precision) == "bf16", r.GetValue(warmup), r.GetValue(steps), !r.GetValue(unfused), r.GetValue(loss) == "ce", o, !r.GetValue(unfolded));
            var result = BenchRun.Run(settings, r.GetValue(plugins) ?? [], error);
            output.WriteLine(result.Describe());
            if (r.GetValue(tsv)) output.WriteLine(result.Tsv());
            return 0;
        });
        return command;
    }
}
