namespace Seg.Pssl.Demo;

/// <summary>
/// The outlines of the demo's objects, drawn at random (they say nothing about the class). The PSSL source shows the
/// first three; the target scenes also contain crosses, a shape the source never shows.
/// </summary>
public enum DemoShape
{
    Disc,
    Square,
    Triangle,
    Cross,
}
