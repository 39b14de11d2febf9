using Seg.Torch;

namespace Seg.Core.Data;

/// <summary>
/// PaddleSeg's data dict: the image (HxWxC, float32 after loading; [C, H, W] once <see cref="Transforms.Compose"/>
/// has finished), the label (HxW, uint8 or int32 class ids, as PIL reads them; HxWxK for an RGB label), the
/// <see cref="TransInfo"/> records and whether the label is a <c>gt_field</c> (transformed geometrically with
/// the image; false in val mode). Owns its tensors: setting one disposes the previous.
/// </summary>
public sealed class SegSample : IDisposable
{
    private Tensor image;
    private Tensor? label;

    public SegSample(Tensor image, Tensor? label, string imagePath, string? labelPath, bool labelIsGtField)
    {
        this.image = image ?? throw new ArgumentNullException(nameof(image));
        this.label = label;
        ImagePath = imagePath;
        LabelPath = labelPath;
        LabelIsGtField = labelIsGtField && label is not null;
    }

    public Tensor Image
    {
        get => image;
        set => Replace(ref image, value ?? throw new ArgumentNullException(nameof(value)));
    }

    public Tensor? Label
    {
        get => label;
        set
        {
            if (!ReferenceEquals(label, value)) label?.Dispose();
            label = value;
        }
    }

    public string ImagePath { get; }

    public string? LabelPath { get; }

    /// <summary>True when geometric transforms apply to the label too (PaddleSeg's <c>'label' in gt_fields</c>).</summary>
    public bool LabelIsGtField { get; }

    public List<TransInfo> TransInfo { get; } = [];

    public long Height => image.shape[0];

    public long Width => image.shape[1];

    /// <summary>"image 'a.png', label 'b.png'" for messages.</summary>
    public string Describe() => LabelPath is null ? $"image '{ImagePath}'" : $"image '{ImagePath}', label '{LabelPath}'";

    /// <summary>Applies <paramref name="op"/> to the image and, when it is a gt_field, to the label with <paramref name="labelOp"/>.</summary>
    public void Geometric(Func<Tensor, Tensor> op, Func<Tensor, Tensor> labelOp)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(labelOp);
        Image = op(image);
        if (LabelIsGtField && label is not null) Label = labelOp(label);
    }

    /// <summary>Takes the tensors out (the caller owns them); the sample no longer disposes them.</summary>
    public (Tensor Image, Tensor? Label) Detach()
    {
        var result = (image, label);
        label = null;
        detached = true;
        return result;
    }

    private bool detached;

    public void Dispose()
    {
        if (detached) return;
        image.Dispose();
        label?.Dispose();
        detached = true;
    }

    private static void Replace(ref Tensor slot, Tensor value)
    {
        if (!ReferenceEquals(slot, value)) slot.Dispose();
        slot = value;
    }
}
