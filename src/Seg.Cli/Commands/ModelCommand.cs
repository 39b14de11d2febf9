using System.CommandLine;

namespace Seg.Cli.Commands;

// `seg model summary|run|convert`: model tools.
internal static class ModelCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var command = new Command("model", "Model tools: summary (layers and parameter counts), run (a model on a tensor) and convert (weights between .pdparams, .pth and safetensors).");
        command.Subcommands.Add(ModelSummaryCommand.Create(plugins));
        command.Subcommands.Add(ModelRunCommand.Create(plugins));
        command.Subcommands.Add(ModelConvertCommand.Create());
        return command;
    }
}
