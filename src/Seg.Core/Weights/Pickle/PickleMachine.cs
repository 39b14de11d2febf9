using System.Buffers.Binary;
using System.Text;

namespace Seg.Core.Weights.Pickle;

/// <summary>
/// Reads a Python pickle (protocols 2-5) as data: a stack machine over the opcodes that build containers and scalars.
/// Globals, calls (REDUCE), BUILD and persistent ids go through an <see cref="IPickleGlobals"/> allowlist; the opcodes
/// that can only create arbitrary objects (INST, OBJ, NEWOBJ, EXT*, out-of-band buffers) are refused. Every length is
/// checked against the bytes left in the file before anything is allocated, and nothing is ever executed.
/// </summary>
internal sealed class PickleMachine
{
    private const int LongTextBytes = 64 * 1024;

    /// <summary>A ResNet-50 state dict takes about 10,000 opcodes; millions of tiny ones can only be an attack on memory.</summary>
    private const int MaxOpcodes = 4_000_000;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly ReadOnlyMemory<byte> data;
    private readonly string source;
    private readonly IPickleGlobals globals;
    private readonly List<object?> stack = [];
    private readonly Stack<int> marks = new();
    private readonly Dictionary<long, object?> memo = [];
    private int pos;
    private int opStart;

    private PickleMachine(ReadOnlyMemory<byte> data, string source, IPickleGlobals globals)
    {
        this.data = data;
        this.source = source;
        this.globals = globals;
    }

    /// <summary>The value the pickle in <paramref name="data"/> describes; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="WeightsFormatException">A refused global, call or opcode, a truncated stream or a malformed pickle.</exception>
    public static object? Load(ReadOnlyMemory<byte> data, string source, IPickleGlobals globals) =>
        new PickleMachine(data, source, globals).Run();

    private object? Run()
    {
        if (data.Length < 2 || data.Span[0] != PickleOp.Proto)
            throw new WeightsFormatException(source, 0, null, "not a pickle of protocol 2-5 (it does not start with the PROTO opcode)");
        for (var count = 0; ; count++)
        {
            opStart = pos;
            if (count == MaxOpcodes)
                throw Fail($"more than {MaxOpcodes} opcodes: no weights file needs that many (each can allocate an object, so this is refused as a memory attack)");
            var op = ReadByte();
            try
            {
                if (op == PickleOp.Stop) return Stop();
                Step(op);
            }
            catch (PickleRefusal r)
            {
                throw new WeightsFormatException(source, opStart, r.Global, r.Message);
            }
            catch (InvalidCastException)
            {
                throw Fail($"opcode {PickleOp.Name(op)} found a value of the wrong type on the stack");
            }
        }
    }

    private object? Stop()
    {
        if (stack.Count != 1 || marks.Count != 0) throw Fail($"STOP with {stack.Count} values and {marks.Count} marks on the stack (expected one value)");
        return stack[0];
    }

    private void Step(byte op)
    {
        switch (op)
        {
            case PickleOp.Proto:
                var protocol = ReadByte();
                if (protocol is < 2 or > 5) throw Fail($"pickle protocol {protocol} (Seg reads protocols 2-5)");
                break;
            case PickleOp.Frame: Take(8); break;
            case PickleOp.None: Push(null); break;
            case PickleOp.NewTrue: Push(true); break;
            case PickleOp.NewFalse: Push(false); break;
            case PickleOp.BinInt: Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
            case PickleOp.BinInt1: Push((long)ReadByte()); break;
            case PickleOp.BinInt2: Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
            case PickleOp.Long1: Push(LittleEndianInt(Take(ReadByte()))); break;
            case PickleOp.Long4: Push(LittleEndianInt(Take(Length(BinaryPrimitives.ReadInt32LittleEndian(Take(4)))))); break;
            case PickleOp.BinFloat: Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;
            case PickleOp.ShortBinUnicode: Push(Text(ReadByte())); break;
            case PickleOp.BinUnicode: Push(Text(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break;
            case PickleOp.BinUnicode8: Push(Text(Length(BinaryPrimitives.ReadUInt64LittleEndian(Take(8))))); break;
            case PickleOp.ShortBinString: Push(Latin1(ReadByte())); break;
            case PickleOp.BinString: Push(Latin1(Length(BinaryPrimitives.ReadInt32LittleEndian(Take(4))))); break;
            case PickleOp.ShortBinBytes: Push(Bytes(ReadByte())); break;
            case PickleOp.BinBytes: Push(Bytes(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break;
            case PickleOp.BinBytes8 or PickleOp.ByteArray8: Push(Bytes(Length(BinaryPrimitives.ReadUInt64LittleEndian(Take(8))))); break;
            case PickleOp.EmptyTuple: Push(PyTuple.Empty); break;
            case PickleOp.Tuple1: Push(new PyTuple([Pop()])); break;
            case PickleOp.Tuple2: { var b = Pop(); var a = Pop(); Push(new PyTuple([a, b])); break; }
            case PickleOp.Tuple3: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new PyTuple([a, b, c])); break; }
            case PickleOp.Tuple: Push(new PyTuple(PopMark().ToArray())); break;
            case PickleOp.EmptyList: Push(new List<object?>()); break;
            case PickleOp.List: Push(PopMark()); break;
            case PickleOp.Append: { var v = Pop(); ((List<object?>)Peek()!).Add(v); break; }
            case PickleOp.Appends: { var items = PopMark(); ((List<object?>)Peek()!).AddRange(items); break; }
            case PickleOp.EmptyDict: Push(new PyDict(false)); break;
            case PickleOp.Dict: Push(DictOf(PopMark(), new PyDict(false))); break;
            case PickleOp.SetItem: { var v = Pop(); var k = Pop(); ((PyDict)Peek()!).Set(k, v); break; }
            case PickleOp.SetItems: { var items = PopMark(); DictOf(items, (PyDict)Peek()!); break; }
            case PickleOp.EmptySet: Push(new HashSet<object?>()); break;
            case PickleOp.AddItems: { var items = PopMark(); ((HashSet<object?>)Peek()!).UnionWith(items); break; }
            case PickleOp.FrozenSet: Push(new HashSet<object?>(PopMark())); break;
            case PickleOp.Mark: marks.Push(stack.Count); break;
            case PickleOp.Pop:
                if (marks.Count > 0 && marks.Peek() == stack.Count) marks.Pop();
                else Pop();
                break;
            case PickleOp.PopMark: PopMark(); break;
            case PickleOp.Dup: Push(Peek()); break;
            case PickleOp.BinPut: memo[ReadByte()] = Peek(); break;
            case PickleOp.LongBinPut: memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = Peek(); break;
            case PickleOp.Memoize: memo[memo.Count] = Peek(); break;
            case PickleOp.BinGet: Push(Recall(ReadByte())); break;
            case PickleOp.LongBinGet: Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break;
            case PickleOp.Global: { var module = Line(); var name = Line(); Push(globals.Find(module, name)); break; }
            case PickleOp.StackGlobal: { var name = Pop() as string; var module = Pop() as string; Push(globals.Find(module ?? throw Fail("STACK_GLOBAL without a module name"), name ?? throw Fail("STACK_GLOBAL without a name"))); break; }
            case PickleOp.Reduce: Reduce(); break;
            case PickleOp.Build: { var state = Pop(); var target = Pop(); Push(globals.Build(target, state)); break; }
            case PickleOp.BinPersId: Push(globals.PersistentLoad(Pop())); break;
            default:
                throw Fail(PickleOp.IsKnown(op)
                    ? $"opcode {PickleOp.Name(op)} is refused: a weights file never needs it (it can create arbitrary objects or is not protocol 2-5)"
                    : $"unknown pickle opcode 0x{op:x2}");
        }
    }

    private void Reduce()
    {
        var args = Pop();
        var callable = Pop();
        if (callable is not PyGlobal g)
            throw Fail($"REDUCE on {Describe(callable)}: only an allowed global may be called (nested REDUCE is refused)");
        if (args is not PyTuple tuple) throw Fail($"REDUCE of {g.FullName} with {Describe(args)} instead of an argument tuple", g.FullName);
        Push(globals.Call(g, tuple));
    }

    private static PyDict DictOf(List<object?> items, PyDict dict)
    {
        if (items.Count % 2 != 0) throw new PickleRefusal("a dict with an odd number of keys and values");
        for (var i = 0; i < items.Count; i += 2) dict.Set(items[i], items[i + 1]);
        return dict;
    }

    internal static string Describe(object? value) => value switch
    {
        null => "None",
        PyGlobal g => g.FullName,
        string => "a str",
        PyLongText => "a str",
        long => "an int",
        double => "a float",
        bool => "a bool",
        PyBytes => "bytes",
        PyTuple => "a tuple",
        List<object?> => "a list",
        PyDict d => d.IsOrderedDict ? "an OrderedDict" : "a dict",
        _ => value.GetType().Name,
    };

    private WeightsFormatException Fail(string message, string? global = null) => new(source, opStart, global, message);

    private void Push(object? value) => stack.Add(value);

    private object? Pop()
    {
        if (stack.Count == 0 || (marks.Count > 0 && marks.Peek() == stack.Count)) throw Fail("stack underflow (a malformed pickle)");
        var value = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private object? Peek()
    {
        if (stack.Count == 0 || (marks.Count > 0 && marks.Peek() == stack.Count)) throw Fail("stack underflow (a malformed pickle)");
        return stack[^1];
    }

    private List<object?> PopMark()
    {
        if (marks.Count == 0) throw Fail("no MARK on the stack (a malformed pickle)");
        var at = marks.Pop();
        var items = stack.GetRange(at, stack.Count - at);
        stack.RemoveRange(at, stack.Count - at);
        return items;
    }

    private object? Recall(long key) => memo.TryGetValue(key, out var v) ? v : throw Fail($"memo entry {key} was never stored");

    private byte ReadByte() => Take(1)[0];

    private int Length(long length)
    {
        if (length < 0 || length > data.Length - pos)
            throw Fail($"a length of {length} bytes runs past the end of the file ({data.Length - pos} bytes left): the stream is truncated or corrupt");
        return (int)length;
    }

    private int Length(ulong length) => Length(length > long.MaxValue ? long.MaxValue : (long)length);

    private ReadOnlySpan<byte> Take(long count) => Slice(count).Span;

    private ReadOnlyMemory<byte> Slice(long count)
    {
        if (count > data.Length - pos)
            throw new WeightsFormatException(source, opStart, null, opStart == data.Length
                ? $"truncated: the stream ends at byte {data.Length} without a STOP opcode"
                : $"truncated: the stream ends at byte {data.Length} but opcode {PickleOp.Name(data.Span[opStart])} needs {count} more bytes at byte {pos}");
        var slice = data.Slice(pos, (int)count);
        pos += (int)count;
        return slice;
    }

    private object Text(long length)
    {
        var bytes = Slice(Length(length));
        if (bytes.Length > LongTextBytes) return new PyLongText(bytes);
        try
        {
            return StrictUtf8.GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            throw Fail("a str that is not valid UTF-8");
        }
    }

    private string Latin1(int length) => Encoding.Latin1.GetString(Take(length));

    private PyBytes Bytes(long length) => new(Slice(Length(length)));

    private string Line()
    {
        var rest = data.Span[pos..];
        var end = rest.IndexOf((byte)'\n');
        if (end < 0 || end > 1024) throw Fail("GLOBAL without a newline-terminated name (truncated or corrupt)");
        var text = Encoding.ASCII.GetString(rest[..end]);
        pos += end + 1;
        return text;
    }

    private long LittleEndianInt(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return 0;
        if (bytes.Length > 8) throw Fail($"an integer of {bytes.Length} bytes (more than 64 bits) has no place in a weights file");
        long value = 0;
        for (var i = bytes.Length - 1; i >= 0; i--) value = (value << 8) | bytes[i];
        var bits = bytes.Length * 8;
        if (bits < 64 && (bytes[^1] & 0x80) != 0) value -= 1L << bits;
        return value;
    }
}
