using System.CommandLine;
using Seg.Core.Config;

namespace Seg.Cli.Commands;

// `seg model summary|run|convert`: model tools.
internal static class ModelCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var command = new Command("model", "Model tools: summary (layers and parameter counts), run (a model on a tensor) and convert (PaddleSeg .pdparams to safetensors).");
        command.Subcommands.Add(ModelSummaryCommand.Create(plugins));
        command.Subcommands.Add(ModelRunCommand.Create(plugins));
        command.Subcommands.Add(Convert());
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
