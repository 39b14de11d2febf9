namespace Seg.TestSupport;

/// <summary>Where tests find the repository, its committed fixtures, and the team's <c>../shared</c> folder.</summary>
public static class TestPaths
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Seg.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("repository root (Seg.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>The team's shared folder beside the checkout (reference material and data; not in the repository).</summary>
    public static string Shared => Path.Combine(RepoRoot, "..", "shared");

    public static string SharedReference => Path.Combine(Shared, "reference");

    public static string SharedData => Path.Combine(Shared, "data");

    public static string PaddleSegConfigs => Path.Combine(SharedReference, "paddleseg-configs");

    public static string Camvid => Path.Combine(SharedData, "camvid");

    /// <summary>The native library as copied next to the test assembly.</summary>
    public static string NativeLibrary => Path.Combine(AppContext.BaseDirectory, "libsegnative.so");
}
