using Seg.Core.Visualization;

namespace Seg.Core.Tests.Visualization;

// get_color_map_list against PaddleSeg's Python (make_visualize.py) and the values spec §9.1 quotes.
public class ColorMapTests
{
    [TestCase(11)]
    [TestCase(256)]
    [TestCase(1001)]
    public void Palette_equals_PaddleSegs(int numClasses)
    {
        Assert.That(ColorMap.GetColorMapList(numClasses), Is.EqualTo(VisualizeFixtures.Bytes($"palette_{numClasses}")));
    }

    [Test]
    public void Class_0_is_VOC_colour_1_not_black()
    {
        var palette = ColorMap.GetColorMapList(3);

        Assert.That(palette, Is.EqualTo(new byte[] { 128, 0, 0, 0, 128, 0, 128, 128, 0 }));
    }

    [Test]
    public void Custom_colours_overwrite_the_first_flat_values()
    {
        var custom = VisualizeFixtures.File["custom_color"].data<int>();

        var palette = ColorMap.GetColorMapList(256, custom);

        Assert.That(palette, Is.EqualTo(VisualizeFixtures.Bytes("palette_256_custom")));
        Assert.That(palette[..7], Is.EqualTo(custom.Select(c => (byte)c).ToArray()));
    }

    [Test]
    public void Out_of_range_custom_colours_are_refused()
    {
        Assert.That(() => ColorMap.GetColorMapList(2, [300]), Throws.ArgumentException.With.Message.Contains("between 0 and 255"));
        Assert.That(() => ColorMap.GetColorMapList(1, [1, 2, 3, 4]), Throws.ArgumentException.With.Message.Contains("only 3"));
    }
}
