using Seg.Core.Registry;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// Pads bottom/right up to <c>crop_size</c> (image <c>im_padding_value</c>, labels <c>label_padding_value</c>), then
/// crops at <c>(randint(0, H − h + 1), randint(0, W − w + 1))</c>. With <c>category_max_ratio</c> &lt; 1 it retries up to
/// <c>loop_times</c> crops until one holds more than one non-ignore class with none above the ratio.
/// </summary>
[SegComponent("RandomPaddingCrop", ComponentKind.Transform)]
public sealed class RandomPaddingCrop : ITransform
{
    private readonly (int Width, int Height) crop;

    public RandomPaddingCrop(RandomPaddingCropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        crop = TransformArgs.Size(options.CropSize, "RandomPaddingCrop", "crop_size");
        if (options.CategoryMaxRatio <= 0) throw new ArgumentException($"RandomPaddingCrop: category_max_ratio should be greater than 0, but it is {options.CategoryMaxRatio}");
        if (options.LoopTimes <= 0) throw new ArgumentException($"RandomPaddingCrop: loop_times should be greater than 0, but it is {options.LoopTimes}");
        Options = options;
    }

    public RandomPaddingCropOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        long cw = crop.Width, ch = crop.Height;
        if (sample.Height == ch && sample.Width == cw) return;
        var padH = Math.Max(ch - sample.Height, 0);
        var padW = Math.Max(cw - sample.Width, 0);
        if (padH > 0 || padW > 0) TransformArgs.PadBottomRight(sample, padH, padW, Options.ImPaddingValue, Options.LabelPaddingValue);
        if (ch <= 0 || cw <= 0) return;
        long top = 0, left = 0;
        for (var i = 0; i < Options.LoopTimes; i++)
        {
            top = random.RandInt(0, sample.Height - ch + 1);
            left = random.RandInt(0, sample.Width - cw + 1);
            if (Options.CategoryMaxRatio >= 1.0 || sample.Label is null || !sample.LabelIsGtField) break;
            if (Balanced(sample.Label, top, left, ch, cw)) break;
        }
        TransformArgs.Crop(sample, top, left, ch, cw);
    }

    private bool Balanced(Tensor label, long top, long left, long h, long w)
    {
        using var window = TransformArgs.Slice(label, top, left, h, w);
        using var counts = ImageOps.value_counts(window);
        var data = counts.data<long>();
        var k = data.Length / 2;
        long max = 0, total = 0, classes = 0;
        for (var i = 0; i < k; i++)
        {
            if (data[i] == Options.IgnoreIndex) continue;
            classes++;
            total += data[k + i];
            max = Math.Max(max, data[k + i]);
        }
        return classes > 1 && (double)max / total < Options.CategoryMaxRatio;
    }
}
