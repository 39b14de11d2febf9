using Seg.Core.Weights.Pickle;

namespace Seg.Core.Weights.Formats;

/// <summary>Reads a Paddle <c>.pdparams</c> (paddle.save / paddle.load) through <see cref="PickleMachine"/> with the numpy allowlist.</summary>
internal static class PdparamsReader
{
    // torch.save's legacy (non-zip) format starts with a pickled magic number: PROTO 2, LONG1 of 10 bytes.
    private static readonly byte[] LegacyTorchMagic = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

    public static bool IsLegacyTorch(ReadOnlySpan<byte> head) => head.StartsWith(LegacyTorchMagic);

    public static LoadedWeights Read(ReadOnlyMemory<byte> bytes, string source)
    {
        if (IsLegacyTorch(bytes.Span))
            throw new WeightsFormatException(source, null, null,
                "a PyTorch file in the legacy torch.save format (PyTorch < 1.6, or _use_new_zipfile_serialization=False), which Seg does not read: " +
                "re-save it in Python with torch.save(torch.load(old), new) and load the new file");
        var root = PickleMachine.Load(bytes, source, NumpyGlobals.Instance);
        var entries = StateDictEntries.Of<NumpyArray>(root, source);
        return LoadedWeights.Build(source, WeightsFormat.Pdparams, entries, NumpyTensors.ToTensor);
    }
}
