using System.Globalization;

namespace Seg.Pssl.Demo;

/// <summary>
/// One class of the PSSL source: objects of one hue, <see cref="HueIndex"/> x 30 degrees, whatever their shape and
/// pattern, as ImageNet's synsets are fine-grained kinds of things. The target groups three neighbouring synsets into
/// one class (<see cref="TargetLabel"/>), as VOC's "dog" groups ImageNet's breeds.
/// </summary>
public sealed record DemoSynset(int HueIndex)
{
    public const int Count = 12;

    private static readonly string[] HueNames =
        ["red", "orange", "yellow", "chartreuse", "green", "spring green", "cyan", "azure", "blue", "violet", "magenta", "rose"];

    public double HueDegrees => HueIndex * 360.0 / Count;

    /// <summary>Its made-up ImageNet-style id: n90000 then the hue in degrees (n90000030 = orange), so ids sort by hue.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"n90000{(int)HueDegrees:D3}");

    public string Name => HueNames[HueIndex];

    /// <summary>The target's label for this synset's objects: 1 + hue index / 3 (red, orange and yellow are label 1).</summary>
    public int TargetLabel => 1 + (HueIndex / (Count / DemoData.TargetClassCount));
}
