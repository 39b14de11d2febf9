using Seg.Core.Visualization;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Prediction;

/// <summary>
/// Writes what <c>seg predict</c> leaves for one image under <see cref="SaveDir"/> (paddleseg/core/predict.py::predict):
/// <c>pseudo_color_prediction/&lt;name&gt;.png</c> (palette PNG: pixel values are class ids; RGB when there are more
/// than 256 classes), <c>added_prediction/&lt;original name&gt;</c> (the image blended 0.6/0.4 with the colours, in the
/// image's own format) and <c>label_prediction/&lt;name&gt;.png</c> (raw class ids, 8-bit; 16-bit above 256 classes).
/// </summary>
public sealed class PredictionOutputs
{
    public const string AddedFolder = "added_prediction";
    public const string PseudoColorFolder = "pseudo_color_prediction";
    public const string LabelFolder = "label_prediction";

    private readonly byte[] palette;

    /// <param name="saveDir">The output root.</param>
    /// <param name="numClasses">Class count of the model: above 256, pseudo-colour is RGB and raw ids 16-bit.</param>
    /// <param name="customColor">Flat r g b values replacing the start of the palette (--custom_color).</param>
    public PredictionOutputs(string saveDir, int numClasses, IReadOnlyList<int>? customColor = null)
    {
        ArgumentNullException.ThrowIfNull(saveDir);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        if (numClasses > 65536) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "raw class-id PNGs hold at most 65536 classes");
        SaveDir = saveDir;
        NumClasses = numClasses;
        palette = ColorMap.GetColorMapList(Math.Max(numClasses, ColorMap.PaletteSize), customColor);
    }

    public string SaveDir { get; }

    public int NumClasses { get; }

    /// <summary>True above 256 classes: the pseudo-colour PNG is RGB instead of palette, the raw ids 16-bit.</summary>
    public bool Wide => NumClasses > ColorMap.PaletteSize;

    public string AddedDir => Path.Combine(SaveDir, AddedFolder);

    public string PseudoColorDir => Path.Combine(SaveDir, PseudoColorFolder);

    public string LabelDir => Path.Combine(SaveDir, LabelFolder);

    /// <summary>The flat RGB palette in use (at least 256 entries).</summary>
    public ReadOnlySpan<byte> Palette => palette;

    /// <summary>
    /// Writes the three files of one image. <paramref name="prediction"/>: [H, W] class ids at the image's size;
    /// <paramref name="relativeName"/>: the image's path relative to the image folder (sub-folders kept).
    /// </summary>
    public PredictionFiles Write(string imagePath, string relativeName, Tensor prediction)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        ArgumentNullException.ThrowIfNull(relativeName);
        ArgumentNullException.ThrowIfNull(prediction);
        using var scope = torch.NewDisposeScope();
        var ids = prediction.cpu().to(ScalarType.Int64).contiguous();
        if (ids.dim() != 2) throw new ArgumentException($"a prediction is [H, W], got [{string.Join(", ", ids.shape)}]", nameof(prediction));
        int height = checked((int)ids.shape[0]), width = checked((int)ids.shape[1]);
        var stem = Path.ChangeExtension(relativeName, null);
        var files = new PredictionFiles(
            Path.Combine(AddedDir, relativeName),
            Path.Combine(PseudoColorDir, stem + ".png"),
            Path.Combine(LabelDir, stem + ".png"));
        foreach (var f in new[] { files.Added, files.PseudoColor, files.Label }) Directory.CreateDirectory(Path.GetDirectoryName(f)!);

        var rgb = Visualize.PseudoColor(ids, palette);
        if (Wide)
        {
            ImageIO.write_png(rgb, files.PseudoColor, rgb: true);
            var values = ids.to(ScalarType.Int32).data<int>();
            File.WriteAllBytes(files.Label, PngWriter.EncodeGray16(values.Select(v => (ushort)v).ToArray(), width, height));
        }
        else
        {
            var indices = ids.to(ScalarType.Byte).data<byte>();
            File.WriteAllBytes(files.PseudoColor, PngWriter.EncodePalette(indices, width, height, palette.AsSpan(0, 3 * ColorMap.PaletteSize)));
            ImageIO.write_png(ids.to(ScalarType.Byte), files.Label);
        }

        var image = ImageIO.read_image(imagePath, ImageReadMode.Color);
        if (image.shape[0] != height || image.shape[1] != width)
            throw new ArgumentException($"the prediction is {width}x{height} but the image '{imagePath}' is {image.shape[1]}x{image.shape[0]}");
        var added = Visualize.Blend(image, ImageIO.rgb_to_bgr(rgb));
        ImageIO.write_image(added, files.Added);
        return files;
    }
}
