using Seg.Core.Contracts;
using Seg.Torch;

namespace Seg.Core.Tests.Training;

internal sealed class TinyCrossEntropy : ISegLoss
{
    public Tensor forward(Tensor logits, Tensor labels) => torch.nn.functional.cross_entropy(logits, labels, ignore_index: 255);
}

// Cross entropy that turns NaN at its nanAtCall-th call (1-based).
internal sealed class NanAtCallLoss(int nanAtCall) : ISegLoss
{
    private int calls;

    public Tensor forward(Tensor logits, Tensor labels)
    {
        calls++;
        using var ce = torch.nn.functional.cross_entropy(logits, labels, ignore_index: 255);
        return calls == nanAtCall ? ce * double.NaN : ce * 1.0;
    }
}
