using Seg.Cli.Commands;

return SegCommandLine.Run(args, Console.Out, Console.Error);
