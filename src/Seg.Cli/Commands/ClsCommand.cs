using System.CommandLine;
using Seg.Core.Config;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Pssl.Classification;

namespace Seg.Cli.Commands;

// `seg cls train` (seg train's flags and trainer, with top-1/top-5 or mAP as the --do_eval metric) and
// `seg cls val --config X --model_path W` (top-1/top-5, or mAP for multi-label) for ImageClassifier configs.
internal static class ClsCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var train = new TrainCommand(plugins, "train",
            "Train an image classifier (model type ImageClassifier, dataset ImageFolder) with seg train's flags, trainer, optimizers and checkpoints; --do_eval reports top-1/top-5 (mAP for multi-label) and keeps best_model by top-1 (mAP).",
            (val, log) => new ClassificationTrainingEvaluator(val, log));
        var command = new Command("cls", "Image classifiers on image-level labels: the committee of PSSL generation and the first step of weakly-supervised segmentation.");
        command.Subcommands.Add(train.Command);
        command.Subcommands.Add(Val(plugins));
        return command;
    }

    private static Command Val(Option<string[]> plugins)
    {
        var config = new Option<string>("--config") { Description = "The classifier's config (.yml)", Required = true };
        var modelPath = CliOptions.Text("--model_path", "Weights to evaluate (model.safetensors or a checkpoint folder)");
        var batchSize = CliOptions.Int("--batch_size", 16, "Images per batch");
        var numWorkers = CliOptions.Int("--num_workers", 0, "Data loader workers");
        var device = CliOptions.Choice("--device", "gpu", "Device; gpu falls back to cpu when no GPU is visible", "gpu", "cpu");
        var opts = CliOptions.Opts();
        var command = new Command("val", "Evaluate a classifier on its val_dataset: top-1 and top-5 accuracy, or mAP for multi-label (ImageFolder's multi_label_list).")
        {
            config, modelPath, batchSize, numWorkers, device, opts,
        };
        command.SetAction(r =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var errors = new[]
            {
                Validation.ExistingFile("--config", r.GetValue(config)),
                Validation.ExistingPath("--model_path", r.GetValue(modelPath)),
                Validation.Positive("--batch_size", r.GetValue(batchSize)),
                Validation.NotNegative("--num_workers", r.GetValue(numWorkers)),
            };
            if (CommandErrors.Report(error, "cls val", errors)) return CommandErrors.ExitCode;
            var catalog = PluginsOption.LoadCatalog(r.GetValue(plugins) ?? [], error);
            var weights = r.GetValue(modelPath);
            if (weights is null) error.WriteLine("warning: no --model_path: evaluating the model's initial weights");
            try
            {
                var (loaded, model) = ClassifierLoading.Load(r.GetValue(config)!, weights, r.GetValue(opts) ?? [], catalog, error);
                using (model)
                {
                    if (loaded.ValDataset is null) throw new ConfigException($"{r.GetValue(config)} has no val_dataset");
                    var dataset = catalog.Registry.Build<SegDataset>(loaded.ValDataset, ComponentKind.Dataset, "val_dataset");
                    model.to(DeviceChoice.Resolve(r.GetValue(device)!, "evaluating", error));
                    var metrics = ClassificationEvaluator.Evaluate(model, dataset, r.GetValue(batchSize), r.GetValue(numWorkers));
                    output.WriteLine(metrics.SummaryLine());
                }
            }
            catch (Exception e) when (e is WeightsMismatchException or InvalidDataException or FileNotFoundException)
            {
                error.WriteLine($"seg cls val: error: --model_path: {e.Message}");
                return CommandErrors.ExitCode;
            }
            return 0;
        });
        return command;
    }
}
