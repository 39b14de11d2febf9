namespace Seg.Core.Weights.Archives;

/// <summary>
/// The checks every archive entry passes before any of its bytes are used: a relative path that stays inside the
/// archive's folder, no links, and a decompressed size within a budget tied to the archive's length (zip bombs).
/// </summary>
internal static class ArchiveGuard
{
    /// <summary>Weights barely compress; anything beyond this ratio (plus a small floor) is treated as a bomb.</summary>
    public const long MaxRatio = 100;

    public const long FloorBytes = 16L * 1024 * 1024;

    /// <summary>How many decompressed bytes an archive of <paramref name="compressedLength"/> bytes may produce.</summary>
    public static long Budget(long compressedLength) => FloorBytes + MaxRatio * compressedLength;

    /// <summary>Refuses absolute paths, drive letters and <c>..</c> segments: names that would land outside the folder.</summary>
    public static void CheckName(string archive, string name)
    {
        var normal = name.Replace('\\', '/');
        if (normal.Length == 0) throw Refuse(archive, "an entry with an empty name");
        if (normal.StartsWith('/') || (normal.Length > 1 && normal[1] == ':'))
            throw Refuse(archive, $"entry '{name}' has an absolute path, which would escape the archive's folder");
        if (normal.Split('/').Contains(".."))
            throw Refuse(archive, $"entry '{name}' escapes the archive's folder ('..')");
    }

    public static void CheckSize(string archive, string name, long declared, long budget)
    {
        if (declared < 0 || declared > budget || declared > Array.MaxLength)
            throw Refuse(archive, $"entry '{name}' declares {declared} bytes, more than this {budget}-byte budget allows for an archive of its size (a zip bomb?)");
    }

    /// <summary>Reads exactly <paramref name="declared"/> bytes and refuses a stream that inflates beyond them.</summary>
    public static byte[] ReadExactly(string archive, string name, Stream stream, long declared)
    {
        var bytes = new byte[declared];
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw new WeightsFormatException($"{archive}: entry '{name}' is shorter than the {declared} bytes it declares (truncated)", e);
        }
        if (stream.ReadByte() >= 0) throw Refuse(archive, $"entry '{name}' inflates beyond the {declared} bytes it declares (a zip bomb?)");
        return bytes;
    }

    public static WeightsFormatException Refuse(string archive, string message) => new(archive, null, null, message);
}
