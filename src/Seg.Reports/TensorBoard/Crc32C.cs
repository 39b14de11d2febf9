namespace Seg.Reports.TensorBoard;

/// <summary>CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) and TFRecord's masked form.</summary>
public static class Crc32C
{
    private static readonly uint[] Table = MakeTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>TFRecord's mask: rotate right by 15 bits and add 0xa282ead8 (so a CRC of data holding CRCs stays useful).</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = Compute(data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u);
    }

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
