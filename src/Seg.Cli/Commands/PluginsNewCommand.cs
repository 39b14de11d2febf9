using System.CommandLine;
using Seg.Cli.PluginTemplates;

namespace Seg.Cli.Commands;

// `seg plugins new NAME --kind K [--output DIR]`: a plugin project that builds, with one component and a test.
internal static class PluginsNewCommand
{
    internal static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The plugin's name: its project, namespace and component `type:` (a C# identifier)" };
        var kind = CliOptions.Choice("--kind", "loss", "The kind of component to start from", [.. PluginKind.Templates.Keys]);
        var output = CliOptions.Text("--output", "The folder to write the project into (default: ./NAME); it must not hold files yet");
        var command = new Command("new", "Write a plugin project that builds: NAME.csproj against this seg's Seg.Core/Seg.Torch, one component with typed options, and an NUnit test");
        command.Arguments.Add(name);
        command.Options.Add(kind);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            var plugin = r.GetValue(name)!;
            var error = r.InvocationConfiguration.Error;
            if (CommandErrors.Report(error, "plugins new", [PluginProject.CheckName(plugin)])) return CommandErrors.ExitCode;
            var directory = Path.GetFullPath(r.GetValue(output) ?? plugin);
            var project = new PluginProject(plugin, r.GetValue(kind)!, directory, Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            IReadOnlyList<string> files;
            try
            {
                files = project.Write();
            }
            catch (IOException e)
            {
                error.WriteLine($"seg plugins new: error: {e.Message}");
                return CommandErrors.ExitCode;
            }
            var stdout = r.InvocationConfiguration.Output;
            stdout.WriteLine($"wrote a {project.Kind} plugin '{plugin}' in {directory}:");
            foreach (var f in files) stdout.WriteLine($"  {Path.GetRelativePath(directory, f)}");
            stdout.WriteLine($"next: cd {directory} && dotnet build -c Release && dotnet test tests && seg plugins --plugins bin/Release/net10.0");
            return 0;
        });
        return command;
    }
}
