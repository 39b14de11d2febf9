using Seg.Torch.Modules;
using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Modules;

// C# twin of make_module.py's Net: fields in the same order, so a seed gives the same initial weights.
internal sealed class Block : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly ReLU relu;

    public Block(long cin, long cout) : base(nameof(Block))
    {
        conv = nn.Conv2d(cin, cout, 3, padding: 1, bias: false);
        bn = nn.BatchNorm2d(cout);
        relu = nn.ReLU();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var a = conv.call(input);
        using var b = bn.call(a);
        return relu.call(b);
    }
}

internal sealed class TestNet : Module<Tensor, Tensor>
{
    private readonly Block stem;
    private readonly Sequential layers;
    private readonly AvgPool2d pool;
    private readonly AdaptiveAvgPool2d gap;
    private readonly ModuleList<Module<Tensor, Tensor>> head;
    private readonly Identity identity;

    public TestNet() : base(nameof(TestNet))
    {
        stem = new Block(3, 4);
        layers = nn.Sequential(nn.Conv2d(4, 6, 3, stride: 2, padding: 2, dilation: 2), nn.BatchNorm2d(6), nn.ReLU(),
            nn.MaxPool2d(2, stride: 1, padding: 1));
        pool = nn.AvgPool2d(2, stride: 2);
        gap = nn.AdaptiveAvgPool2d((2, 4));
        head = new ModuleList<Module<Tensor, Tensor>>(nn.Linear(4, 5), nn.Dropout(0.5), nn.Linear(5, 3, bias: false));
        identity = nn.Identity();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = layers.call(stem.call(input));
        x = gap.call(pool.call(x));
        x = head[2].call(head[1].call(head[0].call(x)));
        return scope.MoveToOuter(identity.call(x));
    }
}
