using System.CommandLine;
using Seg.Core.Config;

namespace Seg.Cli.Commands;

// `seg predict`: PaddleSeg's tools/predict.py command line, one to one.
internal sealed class PredictCommand
{
    private readonly Option<string[]> plugins;
    private readonly Option<string?> config = CliOptions.Text("--config", "The config file (YAML)");
    private readonly Option<string?> modelPath = CliOptions.Text("--model_path", "Weights to predict with: a .safetensors file or a checkpoint folder (iter_N, best_model)");
    private readonly Option<string?> imagePath = CliOptions.Text("--image_path", "An image, a folder of images (searched recursively) or a text file list");
    private readonly Option<string> saveDir = CliOptions.Text("--save_dir", "./output/result", "Where the predictions go");
    private readonly Option<string> device = CliOptions.Choice("--device", "gpu", "Device to predict on", "gpu", "cpu", "xpu", "npu", "mlu");
    private readonly Option<int> deviceId = CliOptions.Int("--device_id", 0, "Which GPU");
    private readonly TestConfigOptions testConfig = new("--aug_pred");
    private readonly Option<int[]> customColor = CliOptions.Ints("--custom_color", "Palette override: r g b r g b ...");
    private readonly Option<bool> useMultilabel = CliOptions.Flag("--use_multilabel", "Multi-label prediction");

    internal PredictCommand(Option<string[]> plugins)
    {
        this.plugins = plugins;
        Command = new Command("predict", "Predict segmentation maps for images (flags as PaddleSeg's tools/predict.py).");
        foreach (var o in new Option[] { config, modelPath, imagePath, saveDir, device, deviceId, customColor, useMultilabel }) Command.Options.Add(o);
        testConfig.AddTo(Command);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
    }

    internal Command Command { get; }

    /// <summary>How the model's logits are computed (tests replace it; the default is SegInference).</summary>
    internal PredictInference Inference { get; set; } = PredictInferences.Default;

    internal PredictArguments Read(ParseResult r) => new()
    {
        Config = r.GetValue(config) ?? "",
        ModelPath = r.GetValue(modelPath) ?? "",
        ImagePath = r.GetValue(imagePath) ?? "",
        SaveDir = r.GetValue(saveDir)!,
        Device = r.GetValue(device)!,
        DeviceId = r.GetValue(deviceId),
        TestConfig = testConfig.Read(r),
        CustomColor = r.GetValue(customColor) ?? [],
        UseMultilabel = r.GetValue(useMultilabel),
        Plugins = r.GetValue(plugins) ?? [],
    };

    private int Run(ParseResult r, TextWriter output, TextWriter error)
    {
        var a = Read(r);
        var errors = new[]
        {
            Validation.ExistingFile("--config", a.Config.Length == 0 ? null : a.Config),
            a.ModelPath.Length == 0 ? "--model_path is required" : Validation.ExistingPath("--model_path", a.ModelPath),
            a.ImagePath.Length == 0 ? "--image_path is required" : Validation.ExistingPath("--image_path", a.ImagePath),
            Validation.NotNegative("--device_id", a.DeviceId),
            a.CustomColor.Count % 3 != 0 ? $"--custom_color takes r g b triples, got {a.CustomColor.Count} values" : null,
            a.CustomColor.Any(c => c is < 0 or > 255) ? "--custom_color values must be between 0 and 255" : null,
        }.Concat(testConfig.Validate(r));
        if (CommandErrors.Report(error, "predict", errors)) return CommandErrors.ExitCode;
        var catalog = PluginsOption.LoadCatalog(a.Plugins, error);
        var loaded = ConfigLoader.Load(a.Config, ConfigOverrides.None, catalog.Registry, error);
        return PredictRun.Run(a, loaded, catalog, Inference, output, error);
    }
}
