using System.CommandLine;
using Seg.Cli;
using Seg.Cli.Commands;

var root = new RootCommand("Seg: train, fine-tune and evaluate semantic-segmentation models (PaddleSeg configs, libtorch engine).");
root.Subcommands.Add(EnvCommand.Create());
root.Subcommands.Add(ConfigCommand.Create());
return ErrorReporting.Run(() => root.Parse(args).Invoke());
