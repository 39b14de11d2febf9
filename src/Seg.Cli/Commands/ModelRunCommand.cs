using System.CommandLine;
using Seg.Core.Contracts;
using Seg.Core.Weights;
using Seg.Torch;

namespace Seg.Cli.Commands;

// `seg model run --config X [--weights W] --input IN --output OUT [--mode eval|train]`: a model on one tensor.
internal static class ModelRunCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var config = CliOptions.Text("--config", "The config file (YAML); only its model is built");
        var weights = CliOptions.Text("--weights", "Model weights with the model's state-dict keys (.safetensors, .pdparams, .pth, a checkpoint folder or archive); without it the model keeps its initialisation");
        var input = CliOptions.Text("--input", "A safetensors file with the input images [N, C, H, W] (the tensor 'input', or its only tensor)");
        var outputPath = CliOptions.Text("--output", "Where the outputs go: a safetensors file with output_0, output_1, ... in the model's order");
        var mode = CliOptions.Choice("--mode", "eval", "eval: one output, running BatchNorm statistics; train: every training output, batch statistics", "eval", "train");
        var opts = CliOptions.Opts();
        var command = new Command("run", "Run a config's model on a tensor and save every output (for checking against other implementations).")
        {
            config, weights, input, outputPath, mode, opts,
        };
        command.SetAction(r =>
        {
            var error = r.InvocationConfiguration.Error;
            var o = r.GetValue(opts) ?? [];
            string?[] problems =
            [
                Validation.ExistingFile("--config", r.GetValue(config)), Validation.ExistingPath("--weights", r.GetValue(weights)),
                Validation.ExistingFile("--input", r.GetValue(input)), r.GetValue(outputPath) is null ? "--output is required" : null, .. Validation.Opts(o),
            ];
            if (CommandErrors.Report(error, "model run", problems)) return CommandErrors.ExitCode;

            var (_, model) = ModelBuilding.FromConfig(r.GetValue(config)!, o, r.GetValue(plugins) ?? [], error);
            using (model)
            {
                if (r.GetValue(weights) is { } w)
                {
                    try
                    {
                        using var loaded = WeightsLoader.Load(w);
                        model.load_state_dict(loaded.Tensors, strict: true);
                    }
                    catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
                    {
                        error.WriteLine($"seg model run: error: --weights: {e.Message}");
                        return CommandErrors.ExitCode;
                    }
                }
                var count = Run(model, r.GetValue(input)!, r.GetValue(outputPath)!, r.GetValue(mode) == "train");
                r.InvocationConfiguration.Output.WriteLine($"wrote {count} output(s) to {r.GetValue(outputPath)}");
            }
            return 0;
        });
        return command;
    }

    private static int Run(SegModel model, string inputPath, string outputPath, bool training)
    {
        using var file = SafeTensors.Load(inputPath);
        var tensor = file.Contains("input") ? file["input"]
            : file.Tensors.Count == 1 ? file.Tensors[0].Value
            : throw new ArgumentException($"--input: expected a tensor named 'input' or a single tensor, found {string.Join(", ", file.Tensors.Select(t => t.Key))}");
        using var scope = torch.NewDisposeScope();
        using var grad = torch.no_grad();
        model.train(training);
        using var images = tensor.to(ScalarType.Float32);
        var outputs = model.call(images);
        SafeTensors.Save(outputPath, outputs.Select((t, i) => new KeyValuePair<string, Tensor>($"output_{i}", t)));
        return outputs.Length;
    }
}
