using Seg.Torch;

namespace Seg.Core.Contracts;

/// <summary>
/// A loss made of several weighted terms that PaddleSeg's train loop keeps apart (MixedLoss): each term,
/// already multiplied by its own coef, becomes a separate entry of the loss list (a separate log curve).
/// <see cref="ISegLoss.forward"/> returns their sum.
/// </summary>
public interface ISegMultiTermLoss : ISegLoss
{
    /// <summary>One name per term, in the order <see cref="forward_terms"/> returns them.</summary>
    IReadOnlyList<string> TermNames { get; }

    /// <summary>The weighted terms, one scalar each.</summary>
    IReadOnlyList<Tensor> forward_terms(Tensor logits, Tensor labels);
}
