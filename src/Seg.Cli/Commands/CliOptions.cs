using System.CommandLine;

namespace Seg.Cli.Commands;

// Option factories with PaddleSeg's spellings and argparse shapes (nargs=2 pairs, nargs='+' lists, flags).
internal static class CliOptions
{
    internal static Option<string?> Text(string name, string description) => new(name) { Description = description };

    internal static Option<string> Text(string name, string defaultValue, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    internal static Option<string> Choice(string name, string defaultValue, string description, params string[] choices)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    internal static Option<int?> Int(string name, string description) => new(name) { Description = description };

    internal static Option<int> Int(string name, int defaultValue, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    internal static Option<double?> Float(string name, string description) => new(name) { Description = description };

    internal static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>argparse <c>nargs=2</c>: <c>--crop_size 512 1024</c>.</summary>
    internal static Option<int[]?> Pair(string name, string description) =>
        new(name) { Description = description, Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true, HelpName = "W H" };

    /// <summary>argparse <c>nargs='+'</c> of floats: <c>--scales 0.75 1.0 1.25</c>.</summary>
    internal static Option<double[]> Floats(string name, double[] defaultValue, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => defaultValue };

    /// <summary>argparse <c>nargs='+'</c> of ints: <c>--custom_color 255 0 0 0 255 0</c>.</summary>
    internal static Option<int[]> Ints(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };

    /// <summary>PaddleSeg's <c>--opts key=value ...</c> (v2.8+ form).</summary>
    internal static Option<string[]> Opts() =>
        new("--opts") { Description = "Override config keys: --opts batch_size=1 test_config.scales=0.75,1.0,1.25", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
}
