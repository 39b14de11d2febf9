using Seg.Core.Contracts;
using Seg.Torch;
using F = Seg.Torch.torch.nn.functional;

namespace Seg.Core.Tests.Evaluation;

// A fake SegModel whose logits are a known function of the input: a fixed k×k convolution ("same" zero padding),
// recording every input it sees. k = 1 makes it per-pixel.
internal sealed class ConvModel : SegModel
{
    private readonly Tensor weight;

    internal ConvModel(int classes, int kernel, long seed) : base(nameof(ConvModel))
    {
        torch.manual_seed(seed);
        weight = torch.randn(classes, 3, kernel, kernel);
        Kernel = kernel;
        NumClasses = classes;
    }

    public override long NumClasses { get; }

    internal int Kernel { get; }

    internal List<Tensor> Inputs { get; } = [];

    /// <summary>The logits for <paramref name="x"/> computed directly (no recording).</summary>
    internal Tensor Apply(Tensor x) => F.conv2d(x, weight, padding: Kernel / 2);

    public override Tensor[] forward(Tensor input)
    {
        Inputs.Add(input.clone().DetachFromDisposeScope());
        return [Apply(input), torch.zeros(1)];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            weight.Dispose();
            foreach (var t in Inputs) t.Dispose();
        }
        base.Dispose(disposing);
    }
}
