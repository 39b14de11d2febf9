using Seg.Torch.Native;

namespace Seg.Torch.Modules;

public sealed class ReLU(bool inplace = false) : Module<Tensor, Tensor>(nameof(ReLU))
{
    public bool inplace { get; } = inplace;

    public override Tensor forward(Tensor input) => torch.nn.functional.relu(input, inplace);
}
