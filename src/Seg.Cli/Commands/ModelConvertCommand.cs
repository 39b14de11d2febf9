using System.CommandLine;
using Seg.Core.Weights;

namespace Seg.Cli.Commands;

// `seg model convert IN OUT [--map RULE ...]`: weights between .pdparams, .pth/.pt and .safetensors, keys kept PaddleSeg's.
internal static class ModelConvertCommand
{
    internal static Command Create()
    {
        var input = new Argument<string>("IN")
        {
            Description = "Weights to read: .pdparams, .pth/.pt, .safetensors, a checkpoint folder, a .tar.gz/.tgz/.tar/.zip holding model.pdparams, or a URL already in the download cache ($SEG_HOME or ~/.paddleseg)",
        };
        var output = new Argument<string>("OUT")
        {
            Description = "Where to write: .pdparams (paddle.load), .pth/.pt (torch.load), .safetensors, or a folder (gets model.safetensors, a checkpoint folder)",
        };
        var map = new Option<string[]>("--map")
        {
            Description = "Rename keys: FROM=TO (a prefix; 'module.=' strips one), re:PATTERN=REPLACEMENT, or @FILE with one rule a line; applied in order",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        var command = new Command("convert", "Convert weights between PaddleSeg .pdparams, PyTorch .pth and safetensors (both ways).") { input, output, map };
        command.SetAction(r => Run(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(map) ?? [], r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string input, string output, string[] mapRules, TextWriter stdout, TextWriter error)
    {
        try
        {
            var target = Target(output);
            var format = WeightsWriter.FormatOf(target)
                ?? throw new ArgumentException($"OUT {output}: the extension says no format; use .pdparams, .pth, .pt, .safetensors or a folder");
            var rename = KeyRenameMap.Parse(mapRules);
            var source = WeightsLoader.Locate(input);
            if (Path.GetFullPath(source) == Path.GetFullPath(target))
                throw new ArgumentException($"OUT {output} is the file IN reads; write to another path");
            using var weights = WeightsLoader.Load(input);
            var tensors = rename.Apply(weights.Tensors);
            WeightsWriter.Save(target, tensors, format);
            var renamed = tensors.Where((t, i) => t.Key != weights.Tensors[i].Key).Count();
            stdout.WriteLine($"converted {tensors.Count} tensors from {weights.Source} ({weights.Format}) to {target} ({format})" +
                             (rename.Count > 0 ? $"; {renamed} renamed by --map" : ""));
            return 0;
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException or UnauthorizedAccessException)
        {
            error.WriteLine($"seg model convert: error: {e.Message}");
            return CommandErrors.ExitCode;
        }
    }

    // A folder (existing, or named with a trailing separator) gets model.safetensors: a checkpoint folder for --model_path.
    private static string Target(string output) =>
        Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar)
            ? Path.Combine(output, PretrainedWeights.ModelFileName)
            : output;
}
