using System.CommandLine;
using Seg.Core.Config;

namespace Seg.Cli.Commands;

// `seg config show`: the config as Seg (and PaddleSeg) resolves it, with the same override flags as training.
internal static class ConfigCommand
{
    internal static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The config file (.yml/.yaml).", Required = true };
        var opts = new Option<string[]>("--opts") { Description = "key.path=value overrides applied last, e.g. test_config.scales=0.75,1.0", AllowMultipleArgumentsPerToken = true };
        var iters = new Option<long?>("--iters") { Description = "Overrides iters." };
        var batchSize = new Option<long?>("--batch_size") { Description = "Overrides batch_size (per device)." };
        var learningRate = new Option<double?>("--learning_rate") { Description = "Overrides lr_scheduler.learning_rate." };

        var show = new Command("show", "Print the resolved config (_base_ merged, overrides applied, checks run) as YAML.")
        {
            config, opts, iters, batchSize, learningRate,
        };
        show.SetAction(parse =>
        {
            try
            {
                var loaded = SegConfig.Load(parse.GetValue(config)!, new ConfigOverrides
                {
                    Opts = parse.GetValue(opts) ?? [],
                    Iters = parse.GetValue(iters),
                    BatchSize = parse.GetValue(batchSize),
                    LearningRate = parse.GetValue(learningRate),
                });
                foreach (var warning in loaded.Warnings) Console.Error.WriteLine($"warning: {warning}");
                Console.Write(loaded.ToYaml());
                return 0;
            }
            catch (ConfigException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });

        var command = new Command("config", "Inspect PaddleSeg configs.");
        command.Subcommands.Add(show);
        return command;
    }
}
