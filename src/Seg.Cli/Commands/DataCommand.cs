using System.CommandLine;
using Seg.Cli.Display;
using Seg.Core.Config;
using Seg.Core.Data.Checking;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;

namespace Seg.Cli.Commands;

// `seg data check --config X`: scans the training and validation labels and reports the files training cannot use.
internal static class DataCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var config = new Option<string>("--config") { Description = "The config file (.yml/.yaml).", Required = true };
        var opts = new Option<string[]>("--opts") { Description = "key.path=value overrides applied last.", AllowMultipleArgumentsPerToken = true };
        var check = new Command("check", "Scan train_dataset and val_dataset labels: values outside [0, num_classes) other than ignore_index, RGB labels, image/label size mismatches.")
        {
            config, opts,
        };
        check.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var catalog = PluginsOption.LoadCatalog(parse.GetValue(plugins) ?? [], error);
            SegConfig loaded;
            try
            {
                loaded = ConfigLoader.Load(parse.GetValue(config)!, new ConfigOverrides { Opts = parse.GetValue(opts) ?? [] }, catalog.Registry, error);
            }
            catch (Exception e) when (e is ConfigException or ConfigBindingException)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
            var total = 0;
            foreach (var (key, node) in new[] { ("train_dataset", (ConfigMap?)loaded.TrainDataset), ("val_dataset", loaded.ValDataset) })
            {
                if (node is null) continue;
                SegDataset dataset;
                try
                {
                    dataset = catalog.Registry.Build<SegDataset>(node, ComponentKind.Dataset, key);
                }
                catch (ConfigBindingException e)
                {
                    error.WriteLine($"error: {e.Message}");
                    return 1;
                }
                if (dataset.Count == 0)
                {
                    output.WriteLine($"{key}: no samples: {EmptySource(dataset)} lists no image; an empty dataset cannot train or evaluate anything");
                    total++;
                    continue;
                }
                var issues = ProgressDisplay.Run(output, key, "labels", plainLines: 0, (progress, _) => LabelChecker.CheckDataset(dataset, progress));
                total += issues.Count;
                output.WriteLine(issues.Count == 0
                    ? $"{key}: {dataset.Count} labels checked, no problems (num_classes {dataset.NumClasses}, ignore_index {dataset.IgnoreIndex})"
                    : $"{key}: {dataset.Count} labels checked; " + LabelChecker.Describe(issues, dataset.NumClasses, dataset.IgnoreIndex));
            }
            return total == 0 ? 0 : 1;
        });
        var command = new Command("data", "Dataset tools.");
        command.Subcommands.Add(check);
        command.Subcommands.Add(DemoDataCommand.Create());
        return command;
    }

    private static string EmptySource(SegDataset dataset) => dataset is Dataset { ListPath: var list } ? $"the file list '{list}'" : $"the {dataset.GetType().Name} dataset";
}
