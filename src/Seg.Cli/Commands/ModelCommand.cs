using System.CommandLine;
using Seg.Core.Config;

namespace Seg.Cli.Commands;

// `seg model summary|convert`: model tools whose machinery lands with the models.
internal static class ModelCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var command = new Command("model", "Model tools: summary (layers and parameter counts) and convert (PaddleSeg .pdparams to safetensors).");
        command.Subcommands.Add(Summary(plugins));
        command.Subcommands.Add(Convert());
        return command;
    }

    private static Command Summary(Option<string[]> plugins)
    {
        var config = CliOptions.Text("--config", "The config file (YAML)");
        var inputShape = new Option<int[]?>("--input_shape") { Description = "Input shape N C H W", Arity = new ArgumentArity(4, 4), AllowMultipleArgumentsPerToken = true };
        var command = new Command("summary", "Print the model's layers, output shapes and parameter counts.") { config, inputShape };
        command.SetAction(r =>
        {
            var error = r.InvocationConfiguration.Error;
            if (CommandErrors.Report(error, "model summary", [Validation.ExistingFile("--config", r.GetValue(config))])) return CommandErrors.ExitCode;
            var catalog = PluginsOption.LoadCatalog(r.GetValue(plugins) ?? [], error);
            ConfigLoading.Load(r.GetValue(config)!, ConfigOverrides.None, catalog, error);
            return NotImplemented.Report(error, "model summary", "the model summary");
        });
        return command;
    }

    private static Command Convert()
    {
        var modelPath = CliOptions.Text("--model_path", "A PaddleSeg .pdparams file");
        var saveDir = CliOptions.Text("--save_dir", "./output", "Where model.safetensors goes");
        var command = new Command("convert", "Convert PaddleSeg .pdparams weights to safetensors.") { modelPath, saveDir };
        command.SetAction(r =>
        {
            var error = r.InvocationConfiguration.Error;
            if (CommandErrors.Report(error, "model convert", [Validation.ExistingFile("--model_path", r.GetValue(modelPath))])) return CommandErrors.ExitCode;
            return NotImplemented.Report(error, "model convert", "weight conversion");
        });
        return command;
    }
}
