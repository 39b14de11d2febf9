using System.Globalization;
using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch;
using static Seg.Torch.torch.nn;

namespace Seg.Models.Losses;

/// <summary>
/// STDC's detail loss, PaddleSeg's <c>DetailAggregateLoss</c> (paddleseg/models/losses/detail_aggregate_loss.py::DetailAggregateLoss.forward): boundary
/// targets from a 3x3 Laplacian of the label at strides 1, 2 and 4 (the stride-8 map PaddleSeg computes is
/// unused and skipped here), each clipped at 0, nearest-upsampled to the label size and thresholded at 0.1,
/// fused by a 1x1 convolution and thresholded at 0.1 again. The 1-channel detail logit is bilinearly
/// resized (align_corners=True) to the label size when it differs, and the loss is
/// <c>BCEWithLogits(logit, target) + dice(sigmoid(logit), target)</c> with the per-sample dice
/// <c>1 − (2·Σxt + 1)/(Σx + Σt + 1)</c> averaged over the batch.
/// </summary>
/// <remarks>
/// <para>
/// Fuse weights — a deliberate choice: Seg uses STDC's fixed weights <c>[0.6, 0.3, 0.1]</c>
/// (<see cref="DefaultFuseWeights"/>). PaddleSeg creates the fuse kernel with <c>paddle.create_parameter</c>, so it is
/// Xavier-uniform random (±1.22) on every run and never trained (loss layers are not given to the optimizer,
/// and the thresholds cut the gradient anyway): its targets change from run to run and can be empty when the
/// draw is negative. With STDC's weights the target is "boundary at stride 1 or at stride 2".
/// To reproduce a particular PaddleSeg draw from code, set <see cref="FuseWeights"/>.
/// </para>
/// <para><c>ignore_index</c> is unused, as in PaddleSeg: pixels labelled 255 create strong Laplacian responses.</para>
/// </remarks>
[SegComponent("DetailAggregateLoss", ComponentKind.Loss)]
public sealed class DetailAggregateLoss(DetailAggregateLossOptions options) : ISegLoss
{
    /// <summary>STDC's fixed weights for the stride-1, -2 and -4 boundary maps.</summary>
    public static readonly IReadOnlyList<float> DefaultFuseWeights = [0.6f, 0.3f, 0.1f];

    private static readonly float[] Laplacian = [-1, -1, -1, -1, 8, -1, -1, -1, -1];

    private readonly IReadOnlyList<float> fuseWeights = DefaultFuseWeights;

    public DetailAggregateLossOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The 1x1 fuse convolution's three weights (stride 1, 2, 4).</summary>
    public IReadOnlyList<float> FuseWeights
    {
        get => fuseWeights;
        init => fuseWeights = value is { Count: 3 } ? value.ToArray()
            : throw new ArgumentException("DetailAggregateLoss: FuseWeights needs exactly 3 values (strides 1, 2 and 4)", nameof(value));
    }

    /// <summary>logits [N, 1, h, w] (the detail head's output, any size), labels [N, H, W] -> a scalar.</summary>
    public Tensor forward(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = torch.NewDisposeScope();
        var shape = LossInputs.Logits4D(logits, nameof(DetailAggregateLoss));
        if (shape[1] != 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"DetailAggregateLoss: expects the 1-channel detail logit [N, 1, h, w], got {LossInputs.Text(shape)}; pair it with the detail output of the model (STDCSeg's last training output)"));
        var label = LossInputs.Labels(labels, nameof(DetailAggregateLoss));
        if (label.shape[0] != shape[0])
            throw new ArgumentException($"DetailAggregateLoss: labels {LossInputs.Text(labels.shape)} and logits {LossInputs.Text(shape)} differ in batch size");

        var target = BoundaryTargets(label, logits.dtype);
        var size = new[] { target.shape[2], target.shape[3] };
        var x = shape[2] == size[0] && shape[3] == size[1]
            ? logits
            : functional.interpolate(logits, size, mode: InterpolationMode.Bilinear, align_corners: true);
        var bce = functional.binary_cross_entropy_with_logits(x, target);
        var loss = bce + Dice(x.sigmoid(), target);
        return scope.MoveToOuter(loss);
    }

    /// <summary>The fused boundary target [N, 1, H, W] (0 or 1) of int64 labels [N, H, W].</summary>
    internal Tensor BoundaryTargets(Tensor label, ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var lab = label.unsqueeze(1).to(ScalarType.Float32);
        var lap = torch.tensor(Laplacian, [1, 1, 3, 3], device: label.device);
        var size = new[] { lab.shape[2], lab.shape[3] };
        var maps = new List<Tensor>();
        foreach (var stride in new long[] { 1, 2, 4 })
        {
            var edges = functional.conv2d(lab, lap, stride: stride, padding: 1).clamp_min(0);
            if (stride > 1) edges = functional.interpolate(edges, size, mode: InterpolationMode.Nearest);
            maps.Add(edges.gt(0.1).to(ScalarType.Float32));
        }
        var pyramid = torch.cat(maps, 1);
        var fuse = torch.tensor(fuseWeights.ToArray(), [1, 3, 1, 1], device: label.device);
        var target = functional.conv2d(pyramid, fuse).gt(0.1).to(dtype);
        return scope.MoveToOuter(target);
    }

    private static Tensor Dice(Tensor probability, Tensor target)
    {
        const double smooth = 1.0;
        var n = probability.shape[0];
        var p = probability.reshape(n, -1);
        var t = target.reshape(n, -1);
        var intersection = (p * t).sum(1);
        var loss = 1 - (2 * intersection + smooth) / (p.sum(1) + t.sum(1) + smooth);
        return loss.mean();
    }
}
