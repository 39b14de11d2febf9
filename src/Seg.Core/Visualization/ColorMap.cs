namespace Seg.Core.Visualization;

/// <summary>PaddleSeg's <c>visualize.get_color_map_list</c>: the palette of predictions and overlays.</summary>
public static class ColorMap
{
    /// <summary>The number of palette entries PaddleSeg's predict uses (get_color_map_list(256)).</summary>
    public const int PaletteSize = 256;

    /// <summary>
    /// Flat RGB values (3 per class) for <paramref name="numClasses"/> classes: the PASCAL VOC bit-interleaved
    /// colormap of <c>numClasses + 1</c> entries with entry 0 (black) dropped, so class i has VOC colour i + 1
    /// (class 0 is (128, 0, 0)). <paramref name="customColor"/> overwrites the first flat values, as
    /// <c>--custom_color r g b ...</c> does.
    /// </summary>
    public static byte[] GetColorMapList(int numClasses, IReadOnlyList<int>? customColor = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numClasses);
        var n = numClasses + 1;
        var map = new byte[3 * n];
        for (var i = 0; i < n; i++)
        {
            var lab = i;
            for (var j = 0; lab != 0; j++, lab >>= 3)
            {
                if (j > 7) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "the VOC colormap covers at most 2^24 entries");
                map[i * 3] |= (byte)(((lab >> 0) & 1) << (7 - j));
                map[(i * 3) + 1] |= (byte)(((lab >> 1) & 1) << (7 - j));
                map[(i * 3) + 2] |= (byte)(((lab >> 2) & 1) << (7 - j));
            }
        }
        var result = map[3..];
        if (customColor is { Count: > 0 })
        {
            if (customColor.Count > result.Length)
                throw new ArgumentException($"--custom_color has {customColor.Count} values but the palette has only {result.Length}", nameof(customColor));
            for (var k = 0; k < customColor.Count; k++)
            {
                var c = customColor[k];
                if (c is < 0 or > 255) throw new ArgumentException($"custom colour values must be between 0 and 255, got {c}", nameof(customColor));
                result[k] = (byte)c;
            }
        }
        return result;
    }
}
