using System.IO.Compression;
using Seg.Core.Weights.Archives;
using Seg.Core.Weights.Formats;
using Seg.Torch;

namespace Seg.Core.Weights;

/// <summary>
/// The one way Seg reads a state dict (<c>pretrained:</c>, <c>--model_path</c>, <c>seg model convert</c>): a
/// <c>.safetensors</c>, <c>.pdparams</c> or <c>.pth</c>/<c>.pt</c> file (told apart by content, not by name), a checkpoint
/// folder (<c>model.safetensors</c>, or PaddleSeg's <c>model.pdparams</c>), a <c>.tar.gz</c>/<c>.tgz</c>/<c>.tar</c>/<c>.zip</c>
/// archive holding <c>model.pdparams</c>, or a URL found in PaddleSeg's download cache (<see cref="PretrainedCache"/>).
/// Pickles are read by Seg's own reader, which never executes code.
/// </summary>
public static class WeightsLoader
{
    /// <summary>The files a checkpoint folder may hold, in the order they are looked for (ema_model.* last: ema_best_model holds only the EMA weights, under PaddleSeg's name).</summary>
    public static readonly IReadOnlyList<string> FolderFiles = ["model.safetensors", "model.pdparams", "model.pth", "model.pt", "ema_model.safetensors", "ema_model.pdparams"];

    private static readonly string[] UrlSchemes = ["http", "https", "ftp"];

    /// <summary>Whether <paramref name="path"/> is an http, https or ftp URL.</summary>
    public static bool IsUrl(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && UrlSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>The file <paramref name="path"/> stands for: itself, the weights file in a checkpoint folder, or the cached copy of a URL.</summary>
    /// <exception cref="FileNotFoundException">Nothing there to load (the message says where it was looked for).</exception>
    public static string Locate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (IsUrl(path)) return PretrainedCache.Resolve(path);
        if (Directory.Exists(path))
        {
            foreach (var name in FolderFiles)
                if (File.Exists(Path.Combine(path, name))) return Path.Combine(path, name);
            throw new FileNotFoundException(
                $"The pretrained model directory {path} holds no {string.Join(" or ", FolderFiles)} (a checkpoint folder such as output/iter_1000 or output/best_model does)",
                Path.Combine(path, FolderFiles[0]));
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"The pretrained model is not found: {path}", path);
        return path;
    }

    /// <summary>Reads the state dict <paramref name="path"/> names; the caller owns (disposes) the result.</summary>
    /// <exception cref="FileNotFoundException">Nothing there to load.</exception>
    /// <exception cref="WeightsFormatException">Not a weights file, or a refused one (the message names file, byte offset and global).</exception>
    public static LoadedWeights Load(string path)
    {
        var file = Locate(path);
        var head = Head(file);
        if (head.StartsWith("PK"u8)) return LoadZip(file);
        if (head.StartsWith((byte[])[0x1f, 0x8b])) return FromArchive(file, WeightsArchive.ReadTar(file, gzip: true));
        if (head.Length > 262 && head[257..262].SequenceEqual("ustar"u8)) return FromArchive(file, WeightsArchive.ReadTar(file, gzip: false));
        if (LooksLikeSafeTensors(head, new FileInfo(file).Length))
        {
            var st = SafeTensors.Load(file); // its tensors now belong to the LoadedWeights
            return new LoadedWeights(file, WeightsFormat.SafeTensors, st.Tensors);
        }
        if (head.Length > 1 && head[0] == Pickle.PickleOp.Proto) return PdparamsReader.Read(ReadAll(file), file);
        throw new WeightsFormatException(file, null, null,
            "is not a weights file Seg reads (.safetensors, Paddle .pdparams, PyTorch .pth/.pt zip, or a .tar.gz/.tgz/.tar/.zip holding model.pdparams)");
    }

    private static LoadedWeights LoadZip(string file)
    {
        var length = new FileInfo(file).Length;
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(file);
        }
        catch (InvalidDataException e)
        {
            throw new WeightsFormatException($"{file}: not a readable zip file: {e.Message}", e);
        }
        using (zip)
        {
            return TorchZipReader.Prefix(zip) is { } prefix
                ? TorchZipReader.Read(zip, file, length, prefix)
                : FromArchive(file, WeightsArchive.ReadZip(zip, file, length));
        }
    }

    private static LoadedWeights FromArchive(string archive, (byte[] Bytes, string Member) member) =>
        PdparamsReader.Read(member.Bytes, $"{archive}!{member.Member}");

    private static byte[] Head(string file)
    {
        using var stream = File.OpenRead(file);
        var head = new byte[512];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..n];
    }

    private static byte[] ReadAll(string file)
    {
        var length = new FileInfo(file).Length;
        if (length > Array.MaxLength) throw new WeightsFormatException(file, null, null, $"is {length} bytes, more than one pickle Seg reads can hold");
        return File.ReadAllBytes(file);
    }

    // An 8-byte little-endian header length that fits the file, then the JSON header's '{'.
    private static bool LooksLikeSafeTensors(ReadOnlySpan<byte> head, long fileLength) =>
        head.Length > 8 && BitConverter.ToInt64(head[..8]) is > 0 and var n && n <= fileLength - 8 && head[8] == (byte)'{';
}
