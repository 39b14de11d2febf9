using System.Buffers.Binary;
using System.Text;

namespace Seg.Core.Weights.Pickle;

/// <summary>Emits pickle opcodes (the few a state dict needs) to a stream; the caller composes them.</summary>
internal sealed class PickleWriter(Stream stream)
{
    public void Proto(byte protocol) => Op(PickleOp.Proto, protocol);

    public void Stop() => Op(PickleOp.Stop);

    public void Mark() => Op(PickleOp.Mark);

    public void Op(params byte[] bytes) => stream.Write(bytes);

    public void Global(string module, string name)
    {
        Op(PickleOp.Global);
        stream.Write(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
    }

    public void None() => Op(PickleOp.None);

    public void Bool(bool value) => Op(value ? PickleOp.NewTrue : PickleOp.NewFalse);

    public void Int(long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        if (value is >= 0 and <= 0xFF) Op(PickleOp.BinInt1, (byte)value);
        else if (value is >= 0 and <= 0xFFFF)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)value);
            Op(PickleOp.BinInt2);
            stream.Write(buffer[..2]);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, (int)value);
            Op(PickleOp.BinInt);
            stream.Write(buffer[..4]);
        }
        else
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
            Op(PickleOp.Long1, 8);
            stream.Write(buffer);
        }
    }

    public void Str(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)utf8.Length);
        Op(PickleOp.BinUnicode);
        stream.Write(length);
        stream.Write(utf8);
    }

    /// <summary>bytes (protocol 3+): BINBYTES (a span never exceeds its 4-byte length).</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)value.Length);
        Op(PickleOp.BinBytes);
        stream.Write(length);
        stream.Write(value);
    }

    /// <summary>A tuple of what <paramref name="items"/> writes (TUPLE1-3 or MARK ... TUPLE).</summary>
    public void Tuple(int count, Action items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (count is 0) { Op(PickleOp.EmptyTuple); return; }
        if (count > 3) Mark();
        items();
        Op(count switch { 1 => PickleOp.Tuple1, 2 => PickleOp.Tuple2, 3 => PickleOp.Tuple3, _ => PickleOp.Tuple });
    }

    public void Ints(IReadOnlyList<long> values) => Tuple(values.Count, () => { foreach (var v in values) Int(v); });

    /// <summary><c>collections.OrderedDict()</c>.</summary>
    public void EmptyOrderedDict()
    {
        Global("collections", "OrderedDict");
        Op(PickleOp.EmptyTuple, PickleOp.Reduce);
    }
}
