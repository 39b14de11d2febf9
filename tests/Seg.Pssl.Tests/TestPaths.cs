namespace Seg.Pssl.Tests;

internal static class TestPaths
{
    internal static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Seg.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("repository root (Seg.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    internal static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");
}
