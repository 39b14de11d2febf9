using Seg.Core.Data.Checking;
using Seg.Core.Data.Datasets;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// PaddleSeg's <c>Compose(transforms, to_rgb=True, img_channels=3)</c>, built by each dataset: reads the image with
/// OpenCV (colour, or greyscale when <c>img_channels</c> is 1) as float32, checks the channel count, BGR → RGB,
/// reads the label as PIL does (<see cref="LabelReader"/>), runs the transforms and leaves the image as float32
/// [C, H, W] (a trailing <see cref="Normalize"/> is fused with that transpose).
/// </summary>
public sealed class Compose
{
    public Compose(IReadOnlyList<ITransform> transforms, bool toRgb = true, int imgChannels = 3)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (imgChannels is not (1 or 3)) throw new ArgumentException($"img_channels should be 1 or 3, but it is {imgChannels}");
        Transforms = transforms;
        ToRgb = toRgb;
        ImgChannels = imgChannels;
    }

    public IReadOnlyList<ITransform> Transforms { get; }

    public bool ToRgb { get; }

    public int ImgChannels { get; }

    /// <summary>Reads the files into a sample (HxWxC float32 image; label as read) without transforming it.</summary>
    public SegSample Load(string imagePath, string? labelPath, bool labelIsGtField, Func<Tensor, Tensor>? prepareLabel = null, Func<string, Tensor>? readLabel = null)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        Tensor image;
        using (var raw = ImageIO.read_image(imagePath, ImgChannels == 1 ? ImageReadMode.Grayscale : ImageReadMode.Color))
        {
            if (raw.shape[2] != ImgChannels)
                throw new ArgumentException($"the image '{imagePath}' has {raw.shape[2]} channels but img_channels is {ImgChannels}");
            if (ToRgb && ImgChannels == 3)
            {
                using var rgb = ImageIO.bgr_to_rgb(raw);
                image = rgb.to(ScalarType.Float32);
            }
            else
            {
                image = raw.to(ScalarType.Float32);
            }
        }
        Tensor? label = null;
        try
        {
            if (labelPath is not null)
            {
                label = readLabel is null ? LabelReader.Read(labelPath) : readLabel(labelPath);
                if (prepareLabel is not null)
                {
                    var prepared = prepareLabel(label);
                    if (!ReferenceEquals(prepared, label)) label.Dispose();
                    label = prepared;
                }
                if (labelIsGtField && label.dim() == 2)
                    LabelSizeWarnings.Check(imagePath, labelPath, image.shape[0], image.shape[1], label.shape[0], label.shape[1]);
            }
        }
        catch
        {
            image.Dispose();
            throw;
        }
        return new SegSample(image, label, imagePath, labelPath, labelIsGtField);
    }

    /// <summary>Runs the transforms and the final CHW transpose on a loaded sample.</summary>
    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        var last = Transforms.Count - 1;
        for (var i = 0; i < last; i++) Transforms[i].Apply(sample, random);
        if (last >= 0 && Transforms[last] is Normalize normalize)
        {
            sample.Image = normalize.ToChw(sample.Image);
            return;
        }
        if (last >= 0) Transforms[last].Apply(sample, random);
        using var chw = sample.Image.permute(2, 0, 1);
        sample.Image = chw.contiguous();
    }
}
