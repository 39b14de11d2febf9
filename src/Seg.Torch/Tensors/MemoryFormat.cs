namespace Seg.Torch;

/// <summary>Memory layouts (numbering is Seg's own; libsegnative maps it to c10::MemoryFormat).</summary>
public enum MemoryFormat
{
    Contiguous = 0,
    Preserve = 1,
    ChannelsLast = 2,
}
