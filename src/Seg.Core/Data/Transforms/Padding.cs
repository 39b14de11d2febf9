using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Pads bottom/right to <c>target_size</c> (w, h); an image larger than the target is an error. Records ('padding', (h, w)).</summary>
[SegComponent("Padding", ComponentKind.Transform)]
public sealed class Padding : ITransform
{
    private readonly (int Width, int Height) target;

    public Padding(PaddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        target = TransformArgs.Size(options.TargetSize, "Padding", "target_size");
        Options = options;
    }

    public PaddingOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        sample.TransInfo.Add(new TransInfo(TransInfoKind.Padding, sample.Height, sample.Width));
        var padH = target.Height - sample.Height;
        var padW = target.Width - sample.Width;
        if (padH < 0 || padW < 0)
            throw new ArgumentException($"Padding: the size of image should be less than `target_size`, but the size of image ({sample.Width}, {sample.Height}) is larger than `target_size` ({target.Width}, {target.Height}) for {sample.Describe()}");
        if (padH > 0 || padW > 0) TransformArgs.PadBottomRight(sample, padH, padW, Options.ImPaddingValue, Options.LabelPaddingValue);
    }
}
