using System.IO.Compression;

namespace Seg.Pssl.Npy;

/// <summary>
/// Writes a <c>.npz</c> holding one uint8 array (as <c>np.savez(path, arr)</c>: a stored zip member <c>arr_0.npy</c>).
/// The member's timestamp is fixed so that the same array always gives the same bytes.
/// </summary>
public static class NpzWriter
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="values"/> with <paramref name="shape"/> as the array <paramref name="key"/> of a new <c>.npz</c> at <paramref name="path"/>.</summary>
    public static void WriteUInt8(string path, ReadOnlySpan<byte> values, IReadOnlyList<long> shape, string key = "arr_0")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        using var buffer = new MemoryStream();
        NpyWriter.WriteUInt8(buffer, values, shape);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var entry = zip.CreateEntry(key + ".npy", CompressionLevel.NoCompression);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }
}
