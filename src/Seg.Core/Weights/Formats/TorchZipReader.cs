using System.IO.Compression;
using Seg.Core.Weights.Archives;
using Seg.Core.Weights.Pickle;
using Seg.Torch;

namespace Seg.Core.Weights.Formats;

/// <summary>
/// Reads a <c>torch.save</c> zip (<c>{prefix}/data.pkl</c> plus one <c>{prefix}/data/{key}</c> record per storage)
/// through <see cref="PickleMachine"/> with the PyTorch allowlist. Storage records must hold exactly the bytes their
/// persistent ids declare, and every tensor view must lie inside its storage.
/// </summary>
internal static class TorchZipReader
{
    /// <summary>The record prefix (<c>archive</c>) of a torch.save zip, or null when the zip is something else.</summary>
    public static string? Prefix(ZipArchive zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var pickles = zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith("/data.pkl", StringComparison.Ordinal) && n.Count(c => c == '/') == 1).ToList();
        return pickles.Count == 1 ? pickles[0][..^"/data.pkl".Length] : null;
    }

    public static LoadedWeights Read(ZipArchive zip, string path, long length, string prefix)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var budget = ArchiveGuard.Budget(length);
        WeightsArchive.CheckZipEntries(zip, path, budget);
        if (zip.GetEntry($"{prefix}/byteorder") is { } order && Text(path, order) != "little")
            throw ArchiveGuard.Refuse(path, "a big-endian PyTorch archive, which Seg does not read");
        var source = $"{path}!{prefix}/data.pkl";
        var pickle = WeightsArchive.ReadZipEntry(path, zip.GetEntry($"{prefix}/data.pkl")!);
        var globals = new TorchGlobals();
        var root = PickleMachine.Load(pickle, source, globals);
        var entries = StateDictEntries.Of<TorchTensorRef>(root, source);
        var storages = new Dictionary<string, byte[]>();
        return LoadedWeights.Build(path, WeightsFormat.TorchZip, entries, t => ToTensor(t, Storage(zip, path, prefix, t.Storage, storages)));
    }

    private static byte[] Storage(ZipArchive zip, string path, string prefix, TorchStorageRef storage, Dictionary<string, byte[]> cache)
    {
        if (cache.TryGetValue(storage.Key, out var bytes)) return bytes;
        var name = $"{prefix}/data/{storage.Key}";
        var entry = zip.GetEntry(name) ?? throw ArchiveGuard.Refuse(path, $"storage record '{name}' is missing");
        var needed = storage.ElementCount > long.MaxValue / storage.ItemSize ? -1 : storage.ElementCount * storage.ItemSize;
        if (entry.Length != needed)
            throw ArchiveGuard.Refuse(path, $"storage record '{name}' holds {entry.Length} bytes but its persistent id declares {storage.ElementCount} elements of {storage.ItemSize} bytes");
        bytes = WeightsArchive.ReadZipEntry(path, entry);
        cache[storage.Key] = bytes;
        return bytes;
    }

    // A strided view of the storage, copied element by element when it is not one contiguous row-major block.
    private static Tensor ToTensor(TorchTensorRef t, byte[] storage)
    {
        var item = t.Storage.ItemSize;
        var count = NumpyArray.ElementCount(t.Size);
        if (count == 0) return Tensor.FromBytes([], t.Size, t.Storage.Type);
        if (IsContiguous(t.Size, t.Stride)) return Tensor.FromBytes(storage.AsSpan(checked((int)(t.Offset * item)), checked((int)(count * item))), t.Size, t.Storage.Type);
        var result = new byte[count * item];
        var index = new long[t.Size.Length];
        for (long n = 0; n < count; n++)
        {
            long at = t.Offset;
            for (var d = 0; d < index.Length; d++) at += index[d] * t.Stride[d];
            storage.AsSpan(checked((int)(at * item)), item).CopyTo(result.AsSpan(checked((int)(n * item)), item));
            for (var d = index.Length - 1; d >= 0 && ++index[d] == t.Size[d]; d--) index[d] = 0;
        }
        return Tensor.FromBytes(result, t.Size, t.Storage.Type);
    }

    private static bool IsContiguous(long[] size, long[] stride)
    {
        long expected = 1;
        for (var d = size.Length - 1; d >= 0; d--)
        {
            if (size[d] != 1 && stride[d] != expected) return false;
            expected *= size[d];
        }
        return true;
    }

    private static string Text(string path, ZipArchiveEntry entry) =>
        System.Text.Encoding.ASCII.GetString(WeightsArchive.ReadZipEntry(path, entry)).Trim();
}
