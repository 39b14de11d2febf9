using Seg.Core.Contracts;
using Seg.Torch;
using Seg.Torch.Modules;
using static Seg.Torch.torch;

namespace Seg.Core.Tests.Training;

// conv-bn-relu-dropout-conv: small enough for fast tests, with BN statistics and dropout (torch's generator).
internal sealed class TinySegModel : SegModel
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn;
    private readonly ReLU relu;
    private readonly Dropout drop;
    private readonly Conv2d conv2;
    private readonly Tensor marker;

    public TinySegModel(long numClasses = 2) : base(nameof(TinySegModel))
    {
        NumClasses = numClasses;
        conv1 = nn.Conv2d(3, 4, 3, padding: 1);
        bn = nn.BatchNorm2d(4);
        relu = nn.ReLU();
        drop = nn.Dropout(0.3);
        conv2 = nn.Conv2d(4, numClasses, 1);
        marker = zeros(1);
        RegisterComponents();
    }

    public override long NumClasses { get; }

    public override Tensor[] forward(Tensor input) => [conv2.forward(drop.forward(relu.forward(bn.forward(conv1.forward(input)))))];

    // Makes the next save fail half-way (a disposed buffer cannot be written).
    internal void BreakSaving() => marker.Dispose();
}
