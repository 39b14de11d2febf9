using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// Reads a label file as PaddleSeg does (<c>np.asarray(PIL.Image.open(path))</c>): palette PNGs give palette indices,
/// greyscale gives values (uint8; 16-bit as int32), and an RGB(A) label stays HxWx3(4) in RGB order, which the label
/// check reports. Single-channel labels are HxW.
/// </summary>
public static class LabelReader
{
    public static Tensor Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        if (PngPaletteDecoder.ColorType(bytes) == 3)
        {
            try
            {
                var (h, w, indices) = PngPaletteDecoder.Decode(bytes);
                return Tensor.FromBytes(indices, [h, w], ScalarType.Byte);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                throw new ImageDecodeException(path, e.Message, e);
            }
        }
        using var decoded = ReadUnchanged(bytes, path);
        var c = decoded.shape[2];
        if (c == 1) return decoded.squeeze(2);
        if (c >= 3) return ImageIO.bgr_to_rgb(decoded);
        return decoded.alias();
    }

    private static Tensor ReadUnchanged(byte[] bytes, string path)
    {
        try
        {
            return ImageIO.decode_image(bytes, ImageReadMode.Unchanged);
        }
        catch (ImageDecodeException e)
        {
            throw new ImageDecodeException(path, e.Reason ?? e.Message, e);
        }
    }
}
