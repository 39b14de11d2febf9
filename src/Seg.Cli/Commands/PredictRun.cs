using Seg.Core.Building;
using Seg.Cli.Display;
using Seg.Core.Config;
using Seg.Core.Data.Transforms;
using Seg.Core.Plugins;
using Seg.Core.Prediction;
using Seg.Core.Weights;
using Seg.Models.Segmentation;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Cli.Commands;

// The work of `seg predict` once its arguments and config are valid (paddleseg/core/predict.py::predict).
internal static class PredictRun
{
    internal static int Run(PredictArguments a, SegConfig config, ComponentCatalog catalog, PredictInference inference, TextWriter output, TextWriter error)
    {
        ImageList images;
        try
        {
            images = ImageDiscovery.Find(a.ImagePath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"seg predict: error: --image_path: {e.Message}");
            return CommandErrors.ExitCode;
        }
        if (a.UseMultilabel)
        {
            error.WriteLine("seg predict: error: --use_multilabel is not supported yet in Seg");
            return CommandErrors.ExitCode;
        }
        if (!TryDevice(a, error, out var device)) return CommandErrors.ExitCode;

        var options = PredictTestConfig.Merge(config.TestConfig, a.TestConfig);
        var transforms = PredictionTransforms.FromConfig(config, catalog.Registry);
        if (!transforms.Transforms.Any(t => t is Normalize))
        {
            error.WriteLine($"warning: {a.Config} has no Normalize in val_dataset.transforms: images reach the model as raw 0-255 pixels (PaddleSeg does the same); " +
                "a model trained on normalised crops (a PSSL pre-training config has no val_dataset) then predicts nonsense: add val_dataset.transforms with Normalize");
        }
        using var model = SegModelFactory.Build(config, catalog.Registry);
        try
        {
            var report = PretrainedWeights.Load(model, a.ModelPath, output, strict: true);
            output.WriteLine($"Loaded {report.Loaded}/{report.Total} weights from {report.File}");
        }
        catch (Exception e) when (e is WeightsMismatchException or InvalidDataException or InvalidOperationException or KeyNotFoundException or IOException or ArgumentException or TorchException)
        {
            error.WriteLine($"seg predict: error: --model_path: {e.Message}");
            return CommandErrors.ExitCode;
        }
        model.to(device);
        model.eval();
        using var folded = BatchNormFolding.Fold(model);

        var outputs = new PredictionOutputs(a.SaveDir, checked((int)model.NumClasses), a.CustomColor);
        if (outputs.Wide)
            error.WriteLine($"note: {model.NumClasses} classes: pseudo-colour images are RGB (a palette holds 256) and raw ids 16-bit PNGs; PaddleSeg wraps ids to uint8 instead");
        output.WriteLine($"Start to predict {images.Images.Count} image(s) on {device}...");
        // The "[i/n] name 0.12s" lines are the plain progress; a terminal gets a bar as well.
        ProgressDisplay.Run(output, "predict", "images", plainLines: 0, (progress, log) =>
            new Predictor(transforms, inference(model, device, options), outputs) { Progress = progress }.Run(images, log));
        output.WriteLine($"Predicted images are saved in {outputs.AddedDir} and {outputs.PseudoColorDir} .");
        return 0;
    }

    // DeviceChoice's rule, as train and val; only an absent GPU id stops the command.
    private static bool TryDevice(PredictArguments a, TextWriter error, out Device device)
    {
        try
        {
            device = DeviceChoice.Resolve(a.Device, "predicting", error, a.DeviceId);
            return true;
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"seg predict: error: {e.Message}");
            device = Device.CPU;
            return false;
        }
    }
}
