using System.Globalization;

namespace Seg.Pssl.Demo;

/// <summary>One class of the PSSL source: objects of one <see cref="Shape"/> covered with one <see cref="Texture"/>.</summary>
public sealed record DemoSynset(DemoTexture Texture, DemoShape Shape)
{
    /// <summary>Its made-up ImageNet-style id: n9 then texture and shape digits (n90000101 = stripes disc).</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"n900001{(int)Texture}{(int)Shape}");

    public string Name => $"{Texture.ToString().ToLowerInvariant()} {Shape.ToString().ToLowerInvariant()}";
}
