namespace Seg.Pssl.Demo;

/// <summary>The object classes of the demo data: each a shape with its own colour family and texture.</summary>
public enum DemoShape
{
    Disc,
    Square,
    Triangle,
    Ring,
    Cross,
}
