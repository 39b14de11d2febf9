using Seg.Torch;

namespace Seg.Pssl.Generation;

/// <summary>How <see cref="PsslGenerator"/> works; the defaults are the decisions in the README ("Making PSSL for your own classification data").</summary>
public sealed record PsslGenerationOptions
{
    /// <summary>The explanation's short side (InterpretDL: 224).</summary>
    public int ResizeTo { get; init; } = 224;

    public TargetChoice Target { get; init; } = TargetChoice.Gt;

    /// <summary>The run seed; each (image, model) draws its noise from a seed made of it, the image's relative path and the model's index.</summary>
    public long Seed { get; init; }

    /// <summary>Images explained at the same time (threads).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Also write the consensus as a PNG heat map over the image (<c>maps/train/&lt;synset&gt;/&lt;name&gt;.png</c>).</summary>
    public bool SaveMaps { get; init; }

    /// <summary>Where the committee's models are (the images go there).</summary>
    public Device Device { get; init; } = Device.CPU;

    /// <summary>Store the mask at the image's size (nearest neighbour); false keeps the explanation's size.</summary>
    public bool LabelAtImageSize { get; init; } = true;
}
