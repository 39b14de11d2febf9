using System.CommandLine;
using Seg.Core.Config;

namespace Seg.Cli.Commands;

// `seg config show`: the config as Seg (and PaddleSeg) resolves it, with the same override flags as training.
internal static class ConfigCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var config = new Option<string>("--config") { Description = "The config file (.yml/.yaml).", Required = true };
        var opts = CliOptions.Opts();
        var iters = new Option<long?>("--iters") { Description = "Overrides iters." };
        var batchSize = new Option<long?>("--batch_size") { Description = "Overrides batch_size (per device)." };
        var learningRate = new Option<double?>("--learning_rate") { Description = "Overrides lr_scheduler.learning_rate." };
        var validate = CliOptions.Flag("--validate",
            "Also bind every component (model, datasets, optimizer, lr_scheduler, losses) against the registered components (plugins included): unknown types or keys fail with file:line.");

        var show = new Command("show", "Print the resolved config (_base_ merged, overrides applied, checks run) as YAML.")
        {
            config, opts, iters, batchSize, learningRate, validate,
        };
        show.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var overrides = new ConfigOverrides
            {
                Opts = parse.GetValue(opts) ?? [],
                Iters = parse.GetValue(iters),
                BatchSize = parse.GetValue(batchSize),
                LearningRate = parse.GetValue(learningRate),
            };
            if (CommandErrors.Report(error, "config show", Validation.Opts(overrides.Opts))) return CommandErrors.ExitCode;
            var catalog = PluginsOption.LoadCatalog(parse.GetValue(plugins) ?? [], error);
            var loaded = ConfigLoader.Load(parse.GetValue(config)!, overrides, catalog.Registry, error, validate: parse.GetValue(validate), strictKeys: parse.GetValue(validate));
            parse.InvocationConfiguration.Output.Write(loaded.ToYaml());
            return 0;
        });

        var command = new Command("config", "Inspect PaddleSeg configs.");
        command.Subcommands.Add(show);
        return command;
    }
}
