using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Seg.Torch;

/// <summary>
/// The safetensors format: an 8-byte little-endian header length, a UTF-8 JSON header mapping each
/// name to {dtype, shape, data_offsets} (plus an optional "__metadata__" string map), then raw
/// little-endian tensor bytes. Entries keep the header's order.
/// </summary>
public static class SafeTensors
{
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    private static readonly Dictionary<string, ScalarType> Dtypes = new()
    {
        ["F64"] = ScalarType.Float64, ["F32"] = ScalarType.Float32, ["F16"] = ScalarType.Float16,
        ["BF16"] = ScalarType.BFloat16, ["I64"] = ScalarType.Int64, ["I32"] = ScalarType.Int32,
        ["I16"] = ScalarType.Int16, ["I8"] = ScalarType.Int8, ["U8"] = ScalarType.Byte, ["BOOL"] = ScalarType.Bool,
    };

    public static string DtypeName(ScalarType t) =>
        Dtypes.FirstOrDefault(kv => kv.Value == t).Key ?? throw new NotSupportedException($"safetensors has no dtype for {t}");

    /// <summary>Reads every tensor (on the CPU) in file order; the caller owns them.</summary>
    public static SafeTensorsFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"safetensors file not found: {path}", path);
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path} is not a valid safetensors file: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is cut short ({stream.Length} bytes; its header promises more): a truncated safetensors file, e.g. from an interrupted copy", e);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException or OverflowException or KeyNotFoundException or ArgumentException)
        {
            throw new InvalidDataException($"{path} is not a valid safetensors file: its header is malformed ({e.Message})", e);
        }
    }

    public static SafeTensorsFile Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> lenBytes = stackalloc byte[8];
        stream.ReadExactly(lenBytes);
        var headerLen = BinaryPrimitives.ReadInt64LittleEndian(lenBytes);
        if (headerLen <= 0 || headerLen > MaxHeaderBytes) throw new InvalidDataException($"its header length field reads {headerLen} bytes");
        var headerBytes = new byte[headerLen];
        stream.ReadExactly(headerBytes);
        JsonObject header;
        try { header = JsonNode.Parse(headerBytes)?.AsObject() ?? throw new InvalidDataException("empty safetensors header"); }
        catch (JsonException e) { throw new InvalidDataException("safetensors header is not valid JSON: " + e.Message, e); }

        var metadata = new Dictionary<string, string>();
        var entries = new List<(string Name, ScalarType Type, long[] Shape, long Begin, long End)>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (k, v) in node!.AsObject()) metadata[k] = v?.GetValue<string>() ?? "";
                continue;
            }
            if (node is not JsonObject o || o["dtype"] is not JsonValue || o["shape"] is not JsonArray || o["data_offsets"] is not JsonArray { Count: 2 })
                throw new InvalidDataException($"tensor '{name}' in the header lacks dtype, shape or data_offsets [begin, end]");
            var dtypeName = o["dtype"]!.GetValue<string>();
            if (!Dtypes.TryGetValue(dtypeName, out var type)) throw new InvalidDataException($"tensor '{name}' has unsupported dtype {dtypeName}");
            var shape = o["shape"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            var offsets = o["data_offsets"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            entries.Add((name, type, shape, offsets[0], offsets[1]));
        }

        var dataStart = 8 + headerLen;
        var tensors = new List<KeyValuePair<string, Tensor>>(entries.Count);
        try
        {
            foreach (var e in entries.OrderBy(e => e.Begin))
            {
                var expected = e.Shape.Aggregate(1L, (a, b) => a * b) * ScalarTypeInfo.ElementSize(e.Type);
                if (e.End - e.Begin != expected) throw new InvalidDataException($"tensor '{e.Name}': data_offsets span {e.End - e.Begin} bytes, shape needs {expected}");
                var bytes = new byte[expected];
                if (stream.CanSeek) stream.Seek(dataStart + e.Begin, SeekOrigin.Begin);
                stream.ReadExactly(bytes);
                tensors.Add(new(e.Name, FromBytes(bytes, e.Shape, e.Type)));
            }
        }
        catch
        {
            foreach (var t in tensors) t.Value.Dispose();
            throw;
        }
        // Back to header order.
        var order = entries.Select((e, i) => (e.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return new SafeTensorsFile(tensors.OrderBy(t => order[t.Key]).ToList(), metadata);
    }

    private static Tensor FromBytes(byte[] bytes, long[] shape, ScalarType type) => Tensor.FromBytes(bytes, shape, type);

    /// <summary>Writes tensors in the given order (copied to the CPU, contiguous).</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var stream = File.Create(path);
        Save(stream, tensors, metadata);
    }

    public static void Save(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var blobs = new List<byte[]>(list.Count);
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var m = new JsonObject();
            foreach (var (k, v) in metadata) m[k] = v;
            header["__metadata__"] = m;
        }
        long offset = 0;
        foreach (var (name, t) in list)
        {
            var bytes = t.ToBytes();
            header[name] = new JsonObject
            {
                ["dtype"] = DtypeName(t.dtype),
                ["shape"] = new JsonArray(t.shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes.LongLength),
            };
            offset += bytes.LongLength;
            blobs.Add(bytes);
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        // Pad the header with spaces to a multiple of 8 so the data is aligned, as the reference writer does.
        var padded = (json.Length + 7) / 8 * 8;
        var headerBytes = new byte[padded];
        Array.Fill(headerBytes, (byte)' ');
        json.CopyTo(headerBytes, 0);
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(len, padded);
        stream.Write(len);
        stream.Write(headerBytes);
        foreach (var b in blobs) stream.Write(b);
    }
}
