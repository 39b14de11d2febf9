using Seg.Core.Contracts;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Tests.Distributed;

// conv3x3-BN-relu-conv1x1: data parallelism reproduces one process only when BN's statistics span every rank (SyncBN).
internal sealed class ToyBnNet : SegModel
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn;
    private readonly ReLU relu;
    private readonly Conv2d conv2;

    public ToyBnNet(long seed) : base(nameof(ToyBnNet))
    {
        // Rank threads share libtorch's global generator: seed and draw as one step.
        lock (SeededInit.Gate)
        {
            torch.manual_seed(seed);
            conv1 = torch.nn.Conv2d(3, 6, 3, padding: 1);
            bn = torch.nn.BatchNorm2d(6);
            relu = torch.nn.ReLU();
            conv2 = torch.nn.Conv2d(6, 2, 1);
        }
        RegisterComponents();
    }

    public override long NumClasses => 2;

    public override Tensor[] forward(Tensor input) => [conv2.forward(relu.forward(bn.forward(conv1.forward(input))))];
}
