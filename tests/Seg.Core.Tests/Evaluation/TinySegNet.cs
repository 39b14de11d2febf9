using Seg.Core.Contracts;
using Seg.Torch;
using F = Seg.Torch.torch.nn.functional;

namespace Seg.Core.Tests.Evaluation;

// make_aug_inference.py's model with its fixed weights: conv1 (3→8, 3×3, stride 2) relu, conv2 (8→8, 3×3) relu,
// cls (8→K, 1×1), bilinear back to the input size. Stride 2 and the upsample make scale, flips and window borders matter.
internal sealed class TinySegNet : SegModel
{
    private readonly IReadOnlyDictionary<string, Tensor> weights;

    /// <param name="weights">The fixture's tensors; "model.conv1.weight" and so on are read (not owned).</param>
    internal TinySegNet(IReadOnlyDictionary<string, Tensor> weights) : base(nameof(TinySegNet))
    {
        this.weights = weights;
        NumClasses = weights["model.cls.weight"].shape[0];
    }

    public override long NumClasses { get; }

    public override Tensor[] forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var y = F.relu(F.conv2d(input, weights["model.conv1.weight"], weights["model.conv1.bias"], stride: 2, padding: 1));
        y = F.relu(F.conv2d(y, weights["model.conv2.weight"], weights["model.conv2.bias"], padding: 1));
        y = F.conv2d(y, weights["model.cls.weight"], weights["model.cls.bias"]);
        var logits = F.interpolate(y, [input.shape[2], input.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
        return [logits.MoveToOuterDisposeScope()];
    }
}
