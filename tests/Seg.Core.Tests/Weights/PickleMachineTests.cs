using Seg.Core.Weights;
using Seg.Core.Weights.Pickle;

namespace Seg.Core.Tests.Weights;

// Hand-assembled pickles for the machine's own limits (the Python-made corpus is in MaliciousWeightsTests).
public class PickleMachineTests
{
    private static WeightsFormatException Refusal(byte[] pickle) =>
        Assert.Throws<WeightsFormatException>(() => PickleMachine.Load(pickle, "t.pdparams", NumpyGlobals.Instance))!;

    [Test]
    public void Millions_of_tiny_objects_are_refused_before_they_exhaust_memory()
    {
        const int pairs = 2_100_000; // 4.2 million opcodes: EMPTY_LIST, APPEND ...
        var pickle = new byte[3 + 2 * pairs + 1];
        pickle[0] = 0x80;
        pickle[1] = 2;
        pickle[2] = (byte)']';
        for (var i = 0; i < pairs; i++)
        {
            pickle[3 + 2 * i] = (byte)']';
            pickle[4 + 2 * i] = (byte)'a';
        }
        pickle[^1] = (byte)'.';

        var e = Refusal(pickle);

        Assert.That(e.Message, Does.StartWith("t.pdparams: byte ").And.Contain("more than 4000000 opcodes"));
    }

    [Test]
    public void A_memo_entry_never_stored_and_a_stop_with_leftovers_are_refused()
    {
        Assert.That(Refusal([0x80, 2, (byte)'h', 7, (byte)'.']).Message, Is.EqualTo("t.pdparams: byte 2: memo entry 7 was never stored"));
        Assert.That(Refusal([0x80, 2, (byte)'N', (byte)'N', (byte)'.']).Message, Does.StartWith("t.pdparams: byte 4: STOP with 2 values"));
        Assert.That(Refusal([0x80, 9, (byte)'.']).Message, Is.EqualTo("t.pdparams: byte 0: pickle protocol 9 (Seg reads protocols 2-5)"));
    }

    [Test]
    public void A_plain_pickle_of_containers_reads_as_data()
    {
        // {'a': [1, -2, 3.5, True, None], 'b': ('x',)} in protocol 2, with a memo round trip.
        byte[] pickle =
        [
            0x80, 2, (byte)'}', (byte)'q', 0, (byte)'X', 1, 0, 0, 0, (byte)'a', (byte)']', (byte)'(', (byte)'K', 1, (byte)'J', 0xFE, 0xFF, 0xFF, 0xFF,
            (byte)'G', 0x40, 0x0C, 0, 0, 0, 0, 0, 0, 0x88, (byte)'N', (byte)'e', (byte)'s', (byte)'X', 1, 0, 0, 0, (byte)'b',
            (byte)'X', 1, 0, 0, 0, (byte)'x', 0x85, (byte)'s', (byte)'h', 0, (byte)'0', (byte)'.',
        ];
        var dict = (PyDict)PickleMachine.Load(pickle, "t", NumpyGlobals.Instance)!;
        Assert.That(dict.Items.Select(kv => kv.Key), Is.EqualTo(new[] { "a", "b" }));
        Assert.That((List<object?>)dict.Get("a")!, Is.EqualTo(new object?[] { 1L, -2L, 3.5, true, null }));
        Assert.That(((PyTuple)dict.Get("b")!).Items, Is.EqualTo(new object?[] { "x" }));
    }
}
