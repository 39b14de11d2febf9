using Google.Protobuf;

namespace Seg.Reports.TensorBoard;

/// <summary>
/// TensorBoard's <c>Event</c>, <c>Summary</c>, <c>Summary.Value</c> and <c>Summary.Image</c> messages (the subset in
/// <c>TensorBoard/proto</c>, field numbers as published), encoded with Google.Protobuf's <see cref="CodedOutputStream"/>.
/// proto3: fields at their default are left out, except members of a oneof (a simple_value of 0 is written).
/// </summary>
public static class TensorBoardEvents
{
    /// <summary>The version string of the first event in every file.</summary>
    public const string FileVersion = "brain.Event:2";

    /// <summary>An Event holding only <c>file_version</c>.</summary>
    public static byte[] FileVersionEvent(double wallTime) =>
        Encode(o =>
        {
            WriteEventHeader(o, wallTime, 0);
            o.WriteTag(3, WireFormat.WireType.LengthDelimited);
            o.WriteString(FileVersion);
        });

    /// <summary>An Event holding one scalar summary value (<c>simple_value</c>, a float32 as TensorBoard stores it).</summary>
    public static byte[] ScalarEvent(double wallTime, long step, string tag, float value) =>
        SummaryEvent(wallTime, step, Encode(v =>
        {
            WriteTagField(v, tag);
            v.WriteTag(2, WireFormat.WireType.Fixed32);
            v.WriteFloat(value);
        }));

    /// <summary>An Event holding one image summary value: an encoded image (PNG) and its size; colorspace 3 is RGB.</summary>
    public static byte[] ImageEvent(double wallTime, long step, string tag, ReadOnlySpan<byte> encodedImage, int height, int width, int colorspace = 3)
    {
        var encoded = ByteString.CopyFrom(encodedImage);
        var image = Encode(i =>
        {
            if (height != 0) { i.WriteTag(1, WireFormat.WireType.Varint); i.WriteInt32(height); }
            if (width != 0) { i.WriteTag(2, WireFormat.WireType.Varint); i.WriteInt32(width); }
            if (colorspace != 0) { i.WriteTag(3, WireFormat.WireType.Varint); i.WriteInt32(colorspace); }
            if (encoded.Length != 0) { i.WriteTag(4, WireFormat.WireType.LengthDelimited); i.WriteBytes(encoded); }
        });
        return SummaryEvent(wallTime, step, Encode(v =>
        {
            WriteTagField(v, tag);
            v.WriteTag(4, WireFormat.WireType.LengthDelimited);
            v.WriteBytes(ByteString.CopyFrom(image));
        }));
    }

    // Event { wall_time, step, summary: Summary { value: [one Value] } }.
    private static byte[] SummaryEvent(double wallTime, long step, byte[] value)
    {
        var summary = Encode(s =>
        {
            s.WriteTag(1, WireFormat.WireType.LengthDelimited);
            s.WriteBytes(ByteString.CopyFrom(value));
        });
        return Encode(o =>
        {
            WriteEventHeader(o, wallTime, step);
            o.WriteTag(5, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(summary));
        });
    }

    private static void WriteEventHeader(CodedOutputStream o, double wallTime, long step)
    {
        if (BitConverter.DoubleToInt64Bits(wallTime) != 0) { o.WriteTag(1, WireFormat.WireType.Fixed64); o.WriteDouble(wallTime); }
        if (step != 0) { o.WriteTag(2, WireFormat.WireType.Varint); o.WriteInt64(step); }
    }

    private static void WriteTagField(CodedOutputStream v, string tag)
    {
        if (tag.Length == 0) return;
        v.WriteTag(1, WireFormat.WireType.LengthDelimited);
        v.WriteString(tag);
    }

    private static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
            output.Flush();
        }
        return buffer.ToArray();
    }
}
