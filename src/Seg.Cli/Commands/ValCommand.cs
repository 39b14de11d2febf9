using System.CommandLine;
using Seg.Core.Config;

namespace Seg.Cli.Commands;

// `seg val`: PaddleSeg's tools/val.py command line, one to one.
internal sealed class ValCommand
{
    private readonly Option<string[]> plugins;
    private readonly Option<string?> config = CliOptions.Text("--config", "The config file (YAML)");
    private readonly Option<string?> modelPath = CliOptions.Text("--model_path", "Weights to evaluate (safetensors or .pdparams)");
    private readonly Option<int> numWorkers = CliOptions.Int("--num_workers", 0, "Data loader workers");
    private readonly Option<string> device = CliOptions.Choice("--device", "gpu", "Device to evaluate on", "gpu", "cpu", "xpu", "npu", "mlu");
    private readonly TestConfigOptions testConfig = new("--aug_eval");
    private readonly Option<string> dataFormat = CliOptions.Choice("--data_format", "NCHW", "Tensor layout", "NCHW", "NHWC");
    private readonly Option<bool> aucRoc = new("--auc_roc")
    {
        Description = "Also compute AUC-ROC (PaddleSeg's type=bool: any non-empty value turns it on)",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = r => r.Tokens[0].Value.Length > 0,
    };
    private readonly Option<string[]> opts = CliOptions.Opts();
    private readonly Option<bool> useMultilabel = CliOptions.Flag("--use_multilabel", "Multi-label evaluation");

    internal ValCommand(Option<string[]> plugins)
    {
        this.plugins = plugins;
        Command = new Command("val", "Evaluate a model on val_dataset (flags as PaddleSeg's tools/val.py).");
        foreach (var o in new Option[] { config, modelPath, numWorkers, device, dataFormat, aucRoc, opts, useMultilabel }) Command.Options.Add(o);
        testConfig.AddTo(Command);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Error));
    }

    internal Command Command { get; }

    internal ValArguments Read(ParseResult r) => new()
    {
        Config = r.GetValue(config) ?? "",
        ModelPath = r.GetValue(modelPath),
        NumWorkers = r.GetValue(numWorkers),
        Device = r.GetValue(device)!,
        TestConfig = testConfig.Read(r),
        DataFormat = r.GetValue(dataFormat)!,
        AucRoc = r.GetValue(aucRoc),
        Opts = r.GetValue(opts) ?? [],
        UseMultilabel = r.GetValue(useMultilabel),
        Plugins = r.GetValue(plugins) ?? [],
    };

    private int Run(ParseResult r, TextWriter error)
    {
        var a = Read(r);
        var errors = new[]
        {
            Validation.ExistingFile("--config", a.Config.Length == 0 ? null : a.Config),
            Validation.ExistingPath("--model_path", a.ModelPath),
            Validation.NotNegative("--num_workers", a.NumWorkers),
        }.Concat(testConfig.Validate(r)).Concat(Validation.Opts(a.Opts));
        if (CommandErrors.Report(error, "val", errors)) return CommandErrors.ExitCode;
        var catalog = PluginsOption.LoadCatalog(a.Plugins, error);
        ConfigLoading.Load(a.Config, new ConfigOverrides { Opts = a.Opts }, catalog, error);
        return NotImplemented.Report(error, "val", "evaluation");
    }
}
