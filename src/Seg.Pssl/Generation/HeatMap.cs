using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Pssl.Generation;

/// <summary>Writes a map in [0, 1] as a PNG heat map (jet colours, half transparent) over its image, at the image's size.</summary>
public static class HeatMap
{
    public static void Write(string imagePath, float[] map, int width, int height, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var scope = torch.NewDisposeScope();
        var rgb = ImageIO.bgr_to_rgb(ImageIO.read_image(imagePath, ImageReadMode.Color));
        var (imageH, imageW) = (rgb.shape[0], rgb.shape[1]);
        var small = torch.tensor(map, [height, width]);
        var resized = ImageOps.resize(small, imageW, imageH, ImageInterpolation.Linear).ToArray<float>();
        var pixels = rgb.contiguous().ToBytes();
        for (var i = 0; i < resized.Length; i++)
        {
            var (r, g, b) = Jet(Math.Clamp(resized[i], 0f, 1f));
            pixels[(i * 3) + 0] = (byte)((pixels[(i * 3) + 0] + r) / 2);
            pixels[(i * 3) + 1] = (byte)((pixels[(i * 3) + 1] + g) / 2);
            pixels[(i * 3) + 2] = (byte)((pixels[(i * 3) + 2] + b) / 2);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(pngPath)!);
        ImageIO.write_png(Tensor.FromBytes(pixels, [imageH, imageW, 3], ScalarType.Byte), pngPath, rgb: true);
    }

    /// <summary>The jet colour map: blue (0) through cyan, yellow to red (1).</summary>
    public static (int R, int G, int B) Jet(float v)
    {
        static int Channel(double x) => (int)Math.Round(255 * Math.Clamp(1.5 - Math.Abs(x), 0, 1));
        return (Channel((4 * v) - 3), Channel((4 * v) - 2), Channel((4 * v) - 1));
    }
}
