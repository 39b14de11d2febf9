using System.CommandLine;
using Seg.Core.Logging;

namespace Seg.Cli.Commands;

/// <summary>The <c>seg</c> command tree: train, val, predict, plugins, env, model (and config, from the config area).</summary>
internal sealed class SegCommandLine
{
    internal SegCommandLine()
    {
        Plugins = PluginsOption.Create();
        Train = new TrainCommand(Plugins);
        Val = new ValCommand(Plugins);
        Predict = new PredictCommand(Plugins);
        Root = new RootCommand("Seg: train, fine-tune and evaluate semantic-segmentation models (PaddleSeg configs, libtorch engine).");
        Root.Options.Add(Plugins);
        Root.Options.Add(new Option<bool>(ErrorReporting.DebugFlag) { Description = "Print the stack trace of an error (also SEG_DEBUG=1)", Recursive = true });
        Root.Subcommands.Add(Train.Command);
        Root.Subcommands.Add(Val.Command);
        Root.Subcommands.Add(Predict.Command);
        Root.Subcommands.Add(PluginsCommand.Create(Plugins));
        Root.Subcommands.Add(ModelCommand.Create(Plugins));
        Root.Subcommands.Add(EnvCommand.Create());
        Root.Subcommands.Add(ConfigCommand.Create(Plugins));
        Root.Subcommands.Add(DataCommand.Create(Plugins));
        Root.Subcommands.Add(QuickstartCommand.Create());
        Root.Subcommands.Add(ClsCommand.Create(Plugins));
        Root.Subcommands.Add(PsslCommand.Create(Plugins));
        Root.Subcommands.Add(BenchCommand.Create(Plugins));
        Root.Subcommands.Add(PlotCommand.Create());
    }

    internal RootCommand Root { get; }

    internal Option<string[]> Plugins { get; }

    internal TrainCommand Train { get; }

    internal ValCommand Val { get; }

    internal PredictCommand Predict { get; }

    /// <summary>Parses and runs; exceptions a user can cause become one line on <paramref name="error"/>.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var previousLog = SegLog.Out;
        SegLog.Out = output;
        try
        {
            return ErrorReporting.Run(() => new SegCommandLine().Root.Parse(args).Invoke(configuration), error, ErrorReporting.DebugRequested(args));
        }
        finally
        {
            SegLog.Out = previousLog;
        }
    }
}
