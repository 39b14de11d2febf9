namespace Seg.Pssl.Demo;

/// <summary>
/// The surface patterns of the demo's objects, in two random colours each: the segmentation target's classes
/// (label = 1 + index), which group the PSSL source's texture x shape synsets as VOC's "dog" groups ImageNet's breeds.
/// </summary>
public enum DemoTexture
{
    Stripes,
    Checks,
    Dots,
    Rings,
}
