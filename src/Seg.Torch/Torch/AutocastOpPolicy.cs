namespace Seg.Torch;

/// <summary>How an op runs inside an autocast region (see <see cref="AutocastOpListsGuard"/>).</summary>
public enum AutocastOpPolicy
{
    /// <summary>On its inputs as they come (libtorch's autocast for an op on none of its lists).</summary>
    Default = 0,

    /// <summary>Floating inputs cast to the autocast dtype (a white-listed op).</summary>
    LowerPrecision = 1,

    /// <summary>Floating inputs cast to float32 (a black-listed op).</summary>
    Float32 = 2,
}
