namespace Seg.Torch;

/// <summary>The <c>mode</c> of torch.nn.functional.interpolate (TorchSharp's names and values).</summary>
public enum InterpolationMode
{
    Nearest = 0,
    Linear = 1,
    Bilinear = 2,
    Bicubic = 3,
    Trilinear = 4,
    Area = 5,
    NearestExact = 6,
}
