namespace Seg.Core.Tests.Config;

// A throwaway folder of YAML files for one test.
internal sealed class TempConfigDir : IDisposable
{
    internal TempConfigDir() => Directory.CreateDirectory(Root);

    internal string Root { get; } = Path.Combine(Path.GetTempPath(), "seg-config-tests", Guid.NewGuid().ToString("N"));

    internal string Write(string relative, string yaml)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
