using System.CommandLine;

namespace Seg.Cli.Commands;

// `seg model summary --config X [--input_size W H] [--format text|json]`.
internal static class ModelSummaryCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var config = CliOptions.Text("--config", "The config file (YAML); only its model is built");
        var inputSize = CliOptions.Pair("--input_size", "Also run the model on a W×H input and print its output shapes");
        var format = CliOptions.Choice("--format", "text", "text: a module table; json: {\"params\": N, \"state_dict\": [{\"key\", \"shape\"}, ...]}", "text", "json");
        var opts = CliOptions.Opts();
        var command = new Command("summary", "Print the model's modules, parameter counts and state dict.") { config, inputSize, format, opts };
        command.SetAction(r =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var size = r.GetValue(inputSize) is { Length: 2 } pair ? pair : null;
            var o = r.GetValue(opts) ?? [];
            string?[] problems = [Validation.ExistingFile("--config", r.GetValue(config)), size is null ? null : Validation.Positive("--input_size", Math.Min(size[0], size[1])), .. Validation.Opts(o)];
            if (CommandErrors.Report(error, "model summary", problems)) return CommandErrors.ExitCode;

            var (_, model) = ModelBuilding.FromConfig(r.GetValue(config)!, o, r.GetValue(plugins) ?? [], error);
            using (model)
            {
                if (r.GetValue(format) == "json") ModelSummary.WriteJson(model, output);
                else ModelSummary.WriteText(model, size is null ? null : (size[0], size[1]), output);
            }
            return 0;
        });
        return command;
    }
}
