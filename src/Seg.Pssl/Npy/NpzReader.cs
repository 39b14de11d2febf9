using System.IO.Compression;

namespace Seg.Pssl.Npy;

/// <summary>Reads arrays from a <c>.npz</c> file (a zip of <c>.npy</c> members, stored or deflated, as <c>np.savez</c>/<c>np.savez_compressed</c> write them).</summary>
public static class NpzReader
{
    /// <summary>Reads the array <paramref name="key"/> (the member <c>key.npy</c>) from the <c>.npz</c> at <paramref name="path"/>.</summary>
    public static NpyArray ReadArray(string path, string key = "arr_0")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        if (!File.Exists(path)) throw new FileNotFoundException($"PSSL label file not found: {path}", path);
        using var zip = Open(path);
        var entry = zip.GetEntry(key + ".npy") ?? zip.GetEntry(key)
            ?? throw new NpyFormatException($"{path}: no array '{key}' (has: {string.Join(", ", Keys(zip))})");
        using var stream = entry.Open();
        return NpyReader.Read(stream, $"{path} [{key}]");
    }

    /// <summary>The array names in the <c>.npz</c> (member names without <c>.npy</c>).</summary>
    public static IReadOnlyList<string> ReadKeys(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var zip = Open(path);
        return Keys(zip);
    }

    private static ZipArchive Open(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new NpyFormatException($"{path}: not a .npz file (not a zip archive)", e);
        }
    }

    private static List<string> Keys(ZipArchive zip) =>
        zip.Entries.Select(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal) ? e.FullName[..^4] : e.FullName).ToList();
}
