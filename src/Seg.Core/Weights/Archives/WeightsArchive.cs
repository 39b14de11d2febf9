using System.Formats.Tar;
using System.IO.Compression;

namespace Seg.Core.Weights.Archives;

/// <summary>
/// PaddleSeg's model-zoo archives (<c>.tar.gz</c>/<c>.tgz</c>/<c>.tar</c>/<c>.zip</c> holding <c>model.pdparams</c>):
/// every entry is checked (<see cref="ArchiveGuard"/>) and the one <c>model.pdparams</c> is read into memory. Nothing is
/// extracted to disk.
/// </summary>
internal static class WeightsArchive
{
    public const string MemberName = "model.pdparams";

    /// <summary>The bytes of the archive's <c>model.pdparams</c> and its entry name.</summary>
    public static (byte[] Bytes, string Member) ReadTar(string path, bool gzip)
    {
        var length = new FileInfo(path).Length;
        var budget = ArchiveGuard.Budget(length);
        using var file = File.OpenRead(path);
        using var data = new BudgetStream(gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file, budget, path);
        (byte[] Bytes, string Member)? found = null;
        var names = new List<string>();
        try
        {
            using var reader = new TarReader(data);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.GlobalExtendedAttributes or TarEntryType.Directory) continue;
                ArchiveGuard.CheckName(path, entry.Name);
                if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
                    throw ArchiveGuard.Refuse(path, $"entry '{entry.Name}' is a link (to '{entry.LinkName}'); archives of weights hold plain files only");
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                    throw ArchiveGuard.Refuse(path, $"entry '{entry.Name}' is a {entry.EntryType}; archives of weights hold plain files only");
                names.Add(entry.Name);
                if (Path.GetFileName(entry.Name) != MemberName) continue;
                if (found is not null) throw ArchiveGuard.Refuse(path, $"holds two {MemberName} files ('{found.Value.Member}' and '{entry.Name}')");
                ArchiveGuard.CheckSize(path, entry.Name, entry.Length, budget);
                found = (ArchiveGuard.ReadExactly(path, entry.Name, entry.DataStream ?? Stream.Null, entry.Length), entry.Name);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new WeightsFormatException($"{path}: not a readable {(gzip ? "tar.gz" : "tar")} archive: {e.Message}", e);
        }
        return found ?? throw NoMember(path, names);
    }

    /// <summary>The bytes of a zip archive's <c>model.pdparams</c>; every entry's name and size is checked first.</summary>
    public static (byte[] Bytes, string Member) ReadZip(ZipArchive zip, string path, long length)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var budget = ArchiveGuard.Budget(length);
        CheckZipEntries(zip, path, budget);
        var members = zip.Entries.Where(e => e.Name == MemberName).ToList();
        if (members.Count == 0) throw NoMember(path, zip.Entries.Select(e => e.FullName).ToList());
        if (members.Count > 1) throw ArchiveGuard.Refuse(path, $"holds {members.Count} {MemberName} files ({string.Join(", ", members.Select(m => m.FullName))})");
        return (ReadZipEntry(path, members[0]), members[0].FullName);
    }

    /// <summary>Name, link and size checks for every entry, and the total declared size against the budget.</summary>
    public static void CheckZipEntries(ZipArchive zip, string path, long budget)
    {
        ArgumentNullException.ThrowIfNull(zip);
        long total = 0;
        foreach (var e in zip.Entries)
        {
            ArchiveGuard.CheckName(path, e.FullName);
            if (((e.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                throw ArchiveGuard.Refuse(path, $"entry '{e.FullName}' is a symbolic link; archives of weights hold plain files only");
            ArchiveGuard.CheckSize(path, e.FullName, e.Length, budget);
            total += e.Length;
            ArchiveGuard.CheckSize(path, e.FullName, total, budget);
        }
    }

    public static byte[] ReadZipEntry(string path, ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            using var stream = entry.Open();
            return ArchiveGuard.ReadExactly(path, entry.FullName, stream, entry.Length);
        }
        catch (InvalidDataException e)
        {
            throw new WeightsFormatException($"{path}: entry '{entry.FullName}' cannot be read: {e.Message}", e);
        }
    }

    private static WeightsFormatException NoMember(string path, List<string> names) =>
        ArchiveGuard.Refuse(path, $"holds no {MemberName} (PaddleSeg's model-zoo layout); it has: {string.Join(", ", names.Take(10))}{(names.Count > 10 ? ", ..." : "")}");
}
