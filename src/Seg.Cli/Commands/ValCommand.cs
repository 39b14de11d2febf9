using Seg.Core.Building;
using System.CommandLine;
using Seg.Cli.Display;
using Seg.Core.Config;
using Seg.Core.Progress;
using Seg.Core.Data.Datasets;
using Seg.Core.Evaluation;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Models.Segmentation;
using Seg.Torch;

namespace Seg.Cli.Commands;

// `seg val`: PaddleSeg's tools/val.py command line, one to one, plus --save_dir and --confusion_matrix.
internal sealed class ValCommand
{
    private readonly Option<string[]> plugins;
    private readonly Option<string?> config = CliOptions.Text("--config", "The config file (YAML)");
    private readonly Option<string?> modelPath = CliOptions.Text("--model_path", "Weights to evaluate (model.safetensors or a checkpoint folder holding one); without it the initial weights are evaluated, as PaddleSeg does");
    private readonly Option<int> numWorkers = CliOptions.Int("--num_workers", 0, "Data loader workers");
    private readonly Option<string> device = CliOptions.Choice("--device", "gpu", "Device to evaluate on (gpu falls back to cpu when CUDA is unavailable)", "gpu", "cpu", "xpu", "npu", "mlu");
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
    private readonly Option<string?> saveDir = CliOptions.Text("--save_dir",
        "Folder for metrics.json (and confusion_matrix.csv/.png); default: the folder of --model_path (the checkpoint folder itself when it is one), else the current folder");
    private readonly Option<bool> confusionMatrix = CliOptions.Flag("--confusion_matrix", "Also write confusion_matrix.csv (rows: label, columns: prediction) and its PNG heat map");
    private readonly Option<bool> report = CliOptions.Flag("--report", "Also write report.html: metrics, per-class table, confusion matrix, validation images (image | prediction | label), timings, resolved config");

    internal ValCommand(Option<string[]> plugins)
    {
        this.plugins = plugins;
        Command = new Command("val", "Evaluate a model on val_dataset (flags as PaddleSeg's tools/val.py); prints the per-class table and writes metrics.json.");
        foreach (var o in new Option[] { config, modelPath, numWorkers, device, dataFormat, aucRoc, opts, useMultilabel, saveDir, confusionMatrix, report }) Command.Options.Add(o);
        testConfig.AddTo(Command);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
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
        SaveDir = r.GetValue(saveDir),
        ConfusionMatrix = r.GetValue(confusionMatrix),
        Report = r.GetValue(report),
    };

    private int Run(ParseResult r, TextWriter output, TextWriter error)
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
        var loaded = ConfigLoader.Load(a.Config, new ConfigOverrides { Opts = a.Opts }, catalog.Registry, error);
        if (loaded.ValDataset is null)
        {
            error.WriteLine($"seg val: error: {a.Config} has no val_dataset; add one (e.g. the train_dataset with mode: val and val_path) or pass --opts val_dataset.…");
            return CommandErrors.ExitCode;
        }
        var unsupported = new[]
        {
            a.AucRoc ? "--auc_roc" : null,
            a.UseMultilabel ? "--use_multilabel" : null,
            a.DataFormat != "NCHW" ? "--data_format NHWC" : null,
        }.OfType<string>().ToList();
        if (unsupported.Count > 0) return NotImplemented.Report(error, "val", string.Join(", ", unsupported));

        var options = TestConfigMerge.Apply(InferenceOptions.FromTestConfig(loaded.TestConfig), a.TestConfig);
        options.Validate();
        var dataset = catalog.Registry.Build<SegDataset>(loaded.ValDataset, ComponentKind.Dataset, "val_dataset");
        using var model = SegModelFactory.Build(loaded, catalog.Registry);
        if (a.ModelPath is null) error.WriteLine("warning: no --model_path: evaluating the model's initial weights");
        else
        {
            try
            {
                PretrainedWeights.Load(model, a.ModelPath, error, strict: true);
            }
            catch (Exception e) when (e is WeightsMismatchException or InvalidDataException or FileNotFoundException)
            {
                error.WriteLine($"seg val: error: --model_path: {e.Message}");
                return CommandErrors.ExitCode;
            }
            output.WriteLine($"Loaded trained params from {a.ModelPath}");
        }
        var target = DeviceChoice.Resolve(a.Device, "evaluating", error);
        model.to(target);

        EvaluationResult result;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            result = Evaluate(model, dataset, options, a.NumWorkers, output);
        }
        catch (Exception e) when (e is InvalidOperationException or Core.Data.Loading.DataLoaderException)
        {
            error.WriteLine($"seg val: error: {e.Message}");
            return CommandErrors.ExitCode;
        }

        var names = DatasetClassNames.For(dataset);
        ValReport.WriteTable(output, result, names);
        var dir = OutputFolder(a);
        Directory.CreateDirectory(dir);
        var metricsPath = Path.Combine(dir, EvaluationFiles.MetricsFileName);
        EvaluationFiles.WriteMetricsJson(metricsPath, result, names, new Dictionary<string, object?>
        {
            ["config"] = Path.GetFullPath(a.Config),
            ["model_path"] = a.ModelPath is null ? null : Path.GetFullPath(a.ModelPath),
            ["test_config"] = new Dictionary<string, object?>
            {
                ["aug_eval"] = options.AugEval,
                ["aug_legacy"] = options.AugLegacy,
                ["scales"] = options.Scales,
                ["flip_horizontal"] = options.FlipHorizontal,
                ["flip_vertical"] = options.FlipVertical,
                ["is_slide"] = options.IsSlide,
                ["crop_size"] = options.CropSize is { } c ? new[] { c.Width, c.Height } : null,
                ["stride"] = options.Stride is { } s ? new[] { s.Width, s.Height } : null,
            },
        });
        output.WriteLine($"Metrics saved to {metricsPath}");
        if (a.ConfusionMatrix && result.ConfusionMatrix is { } matrix)
        {
            var csv = Path.Combine(dir, EvaluationFiles.ConfusionMatrixCsvFileName);
            EvaluationFiles.WriteConfusionMatrixCsv(csv, matrix, names);
            output.WriteLine($"Confusion matrix saved to {csv}");
            var png = Path.Combine(dir, EvaluationFiles.ConfusionMatrixPngFileName);
            Seg.Reports.Plots.ConfusionMatrixPlot.Write(png, matrix, names);
            output.WriteLine($"Confusion matrix heat map saved to {png}");
        }
        if (a.Report) return ValRunReport.Write(dir, a, loaded, model, dataset, options, result, names, System.Diagnostics.Stopwatch.GetElapsedTime(started), output, error);
        return 0;
    }

    private static EvaluationResult Evaluate(Core.Contracts.SegModel model, SegDataset dataset, InferenceOptions options, int workers, TextWriter output) =>
        ProgressDisplay.Run(output, "[EVAL]", "images", PlainProgress.DefaultLines, (progress, log) =>
            Evaluator.Evaluate(model, dataset, options, new EvaluationRunOptions { NumWorkers = workers, Log = log, Progress = progress }));

    private static string OutputFolder(ValArguments a) => a.SaveDir ?? a.ModelPath switch
    {
        null => Directory.GetCurrentDirectory(),
        var p when Directory.Exists(p) => p,
        var p => Path.GetDirectoryName(Path.GetFullPath(p))!,
    };
}
