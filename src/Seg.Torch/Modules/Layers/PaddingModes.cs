namespace Seg.Torch.Modules;

/// <summary>How Conv2d pads. Only zero padding is implemented (the other modes need F.pad).</summary>
public enum PaddingModes
{
    Zeros = 0,
}
