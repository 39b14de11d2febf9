namespace Seg.Core.Precision;

/// <summary>PaddleSeg's --amp_level.</summary>
public enum AmpLevel
{
    /// <summary>Mixed precision: each op's inputs are cast by the white and black lists; weights stay float32.</summary>
    O1,

    /// <summary>Pure low precision: weights in fp16 with float32 master weights in the optimizer (not supported by Seg).</summary>
    O2,
}
