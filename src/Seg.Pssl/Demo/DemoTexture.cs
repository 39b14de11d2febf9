namespace Seg.Pssl.Demo;

/// <summary>The surface patterns of the demo's objects, drawn at random: they make objects look alike across classes and say nothing about the class.</summary>
public enum DemoTexture
{
    Stripes,
    Checks,
    Dots,
    Rings,
}
