using System.Runtime.InteropServices;
using Seg.Torch.Native;

namespace Seg.Torch.Images;

/// <summary>
/// Image files out in any format OpenCV writes, chosen by the extension as <c>cv2.imwrite</c> does (PNG, JPEG with
/// OpenCV's default quality 95, BMP, ...). Images are uint8 HxW or HxWxC (C = 1, 3 or 4) in BGR(A) order.
/// </summary>
public static class ImageWriter
{
    /// <summary>Encodes <paramref name="image"/> as <c>cv2.imencode(extension, image)</c> (extension like ".jpg").</summary>
    public static byte[] encode(Tensor image, string extension)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(extension);
        NativeError.Check(LibSegNative.seg_image_encode_ext(extension, image.handle, out var buffer, out var n));
        try
        {
            var result = new byte[n];
            Marshal.Copy(buffer, result, 0, checked((int)n));
            return result;
        }
        finally
        {
            NativeError.Check(LibSegNative.seg_image_buffer_free(buffer));
        }
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> in the format of its extension (as cv2.imwrite).</summary>
    public static void write_image(Tensor image, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (extension.Length < 2) throw new ArgumentException($"cannot tell the image format of '{path}': it has no extension", nameof(path));
        File.WriteAllBytes(path, encode(image, extension));
    }
}
