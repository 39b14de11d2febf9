namespace Seg.Torch;

/// <summary>How padding fills the border (TorchSharp's names and values; Zeros is Constant with 0).</summary>
public enum PaddingModes
{
    Zeros = 0,
    Reflect = 1,
    Replicate = 2,
    Circular = 3,
    Constant = 4,
}
