using System.Runtime.InteropServices;
using Seg.Torch.Native;

namespace Seg.Torch.Images;

/// <summary>
/// Image files to and from tensors, through OpenCV (PNG, JPEG, BMP, TIFF, WebP in; PNG out).
/// Images are channels-last <b>HxWxC</b> tensors that own their memory; colour images are in OpenCV's
/// <b>BGR</b> order unless read with <see cref="ImageReadMode.RGB"/> (see <see cref="bgr_to_rgb"/>).
/// </summary>
public static class ImageIO
{
    /// <summary>Reads and decodes an image file (as cv2.imread for <see cref="ImageReadMode.Color"/>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ImageDecodeException">The file is not a readable image; the message names the path.</exception>
    public static Tensor read_image(string path, ImageReadMode mode = ImageReadMode.Color)
    {
        ArgumentNullException.ThrowIfNull(path);
        CheckMode(mode);
        var bytes = File.ReadAllBytes(path);
        return Decode(bytes, mode, path);
    }

    /// <summary>Decodes an encoded image held in memory (the bytes of a PNG, JPEG, ... file).</summary>
    /// <exception cref="ImageDecodeException">The bytes are not a readable image.</exception>
    public static Tensor decode_image(ReadOnlySpan<byte> data, ImageReadMode mode = ImageReadMode.Color)
    {
        CheckMode(mode);
        return Decode(data, mode, $"<{data.Length}-byte buffer>");
    }

    /// <summary>
    /// Encodes a uint8 HxW or HxWxC (C = 1, 3 or 4) CPU tensor as <c>cv2.imencode(extension, image)</c> does (extension
    /// like ".png", ".jpg": JPEG at OpenCV's default quality 95). Channels are taken as BGR(A), as <see cref="read_image"/>
    /// returns them; pass <paramref name="rgb"/> = true for RGB(A) data. <paramref name="png_compression"/> 0..9 sets
    /// PNG's compression level; -1 keeps OpenCV's defaults.
    /// </summary>
    public static byte[] encode(Tensor image, string extension, bool rgb = false, int png_compression = -1)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(extension);
        NativeError.Check(LibSegNative.seg_image_encode(extension, image.handle, rgb ? 1 : 0, png_compression, out var buffer, out var n));
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

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> in the format of its extension, as cv2.imwrite (see <see cref="encode"/>).</summary>
    public static void write_image(Tensor image, string path, bool rgb = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (extension.Length < 2) throw new ArgumentException($"cannot tell the image format of '{path}': it has no extension", nameof(path));
        File.WriteAllBytes(path, encode(image, extension, rgb));
    }

    /// <summary>A lossless PNG (<see cref="encode"/> with ".png" and a compression level, 6 by default).</summary>
    public static byte[] encode_png(Tensor image, bool rgb = false, int compression_level = 6) => encode(image, ".png", rgb, compression_level);

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> as PNG (see <see cref="encode_png"/>).</summary>
    public static void write_png(Tensor image, string path, bool rgb = false, int compression_level = 6)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, encode_png(image, rgb, compression_level));
    }

    /// <summary>Swaps the first and third channel of a channels-last image (BGR to RGB, BGRA to RGBA). Any dtype or device.</summary>
    public static Tensor bgr_to_rgb(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Result(LibSegNative.seg_image_swap_rb(image.handle, out var r), r);
    }

    /// <summary>The inverse of <see cref="bgr_to_rgb"/> (the same swap).</summary>
    public static Tensor rgb_to_bgr(Tensor image) => bgr_to_rgb(image);

    private static unsafe Tensor Decode(ReadOnlySpan<byte> data, ImageReadMode mode, string source)
    {
        int rc;
        IntPtr result;
        fixed (byte* p = data) rc = LibSegNative.seg_image_decode(p, data.Length, (int)mode, out result);
        if (rc != 0)
        {
            var error = NativeError.Last(rc);
            throw new ImageDecodeException(source, error.Message, error);
        }
        return new Tensor(result);
    }

    private static void CheckMode(ImageReadMode mode)
    {
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown image read mode");
    }
}
