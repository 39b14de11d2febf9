namespace Seg.Pssl.Demo;

/// <summary>
/// The outlines of the demo's objects. The PSSL source shows the first three (its synsets are texture x shape, as
/// ImageNet's are fine-grained kinds of things); the target scenes also contain crosses, a shape the source never shows.
/// </summary>
public enum DemoShape
{
    Disc,
    Square,
    Triangle,
    Cross,
}
