namespace Seg.Pssl.Generation;

/// <summary>Nearest-neighbour resizing of a row-major byte mask, as OpenCV's INTER_NEAREST samples: src = ⌊dst · src_size / dst_size⌋.</summary>
public static class NearestResize
{
    public static byte[] Resize(ReadOnlySpan<byte> mask, int width, int height, int newWidth, int newHeight)
    {
        if (mask.Length != width * height) throw new ArgumentException($"a {width}x{height} mask needs {width * height} values, got {mask.Length}", nameof(mask));
        var result = new byte[newWidth * newHeight];
        for (var y = 0; y < newHeight; y++)
        {
            var sy = Math.Min(height - 1, (int)((long)y * height / newHeight));
            for (var x = 0; x < newWidth; x++)
            {
                var sx = Math.Min(width - 1, (int)((long)x * width / newWidth));
                result[(y * newWidth) + x] = mask[(sy * width) + sx];
            }
        }
        return result;
    }
}
