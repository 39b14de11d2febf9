using Seg.Core.Contracts;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Tests.Distributed;

// conv3x3-relu-conv1x1 without BatchNorm or dropout: its gradient over a batch is the mean of per-sample gradients,
// so data parallelism must reproduce one process exactly.
internal sealed class ToyConvNet : SegModel
{
    private readonly Conv2d conv1;
    private readonly ReLU relu;
    private readonly Conv2d conv2;

    public ToyConvNet(long seed) : base(nameof(ToyConvNet))
    {
        // Rank threads share libtorch's global generator: seed and draw as one step.
        lock (SeededInit.Gate)
        {
            torch.manual_seed(seed);
            conv1 = torch.nn.Conv2d(3, 6, 3, padding: 1);
            relu = torch.nn.ReLU();
            conv2 = torch.nn.Conv2d(6, 2, 1);
        }
        RegisterComponents();
    }

    public override long NumClasses => 2;

    public override Tensor[] forward(Tensor input) => [conv2.forward(relu.forward(conv1.forward(input)))];
}
