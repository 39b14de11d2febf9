namespace Seg.Core.Weights;

/// <summary>
/// PaddleSeg's download cache (paddleseg/utils/download.py via utils.py::download_pretrained_model), read only: a URL names
/// <c>{SEG_HOME or ~/.paddleseg}/pretrained_model/{savename}/{filename}</c>, where an archive URL
/// (<c>.../PP_STDCNet2.tar.gz</c>) gives <c>PP_STDCNet2/model.pdparams</c> and a file URL
/// (<c>.../stdc2_pssl/model.pdparams</c>) gives <c>stdc2_pssl/model.pdparams</c>. For an archive, the downloaded archive
/// itself in that folder is accepted too. Seg never downloads.
/// </summary>
public static class PretrainedCache
{
    private static readonly string[] ArchiveEndings = ["tgz", "tar.gz", "tar", "zip"];

    /// <summary><c>$SEG_HOME</c>, or <c>~/.paddleseg</c>.</summary>
    public static string Home =>
        Environment.GetEnvironmentVariable("SEG_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".paddleseg");

    /// <summary>Where PaddleSeg keeps the weights of <paramref name="url"/>, and for an archive URL where the archive may lie.</summary>
    public static (string File, string? Archive) Locations(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var unquoted = Uri.UnescapeDataString(url);
        var segments = unquoted.Split('/');
        var last = segments[^1];
        var folder = Path.Combine(Home, "pretrained_model");
        if (ArchiveEndings.Any(e => last.EndsWith(e, StringComparison.Ordinal)))
        {
            var savename = last.Split('.')[0];
            return (Path.Combine(folder, savename, "model.pdparams"), Path.Combine(folder, savename, last));
        }
        if (segments.Length < 2) throw new ArgumentException($"the URL {url} has no folder segment to name its cache folder");
        return (Path.Combine(folder, segments[^2], last), null);
    }

    /// <summary>The cached file for <paramref name="url"/>.</summary>
    /// <exception cref="FileNotFoundException">Not in the cache; the message gives the exact path to put it at.</exception>
    public static string Resolve(string url)
    {
        var (file, archive) = Locations(url);
        if (File.Exists(file)) return file;
        if (archive is not null && File.Exists(archive)) return archive;
        var alternative = archive is null ? "" : $" (extracted from the archive), or the downloaded archive itself at {archive}";
        throw new FileNotFoundException(
            $"the pretrained weights {url} are not in the download cache and Seg never downloads: download the file (or let PaddleSeg do it once) " +
            $"and put it at {file}{alternative}. The cache folder is $SEG_HOME, or ~/.paddleseg when SEG_HOME is not set.", file);
    }
}
