using Seg.Torch;

namespace Seg.Core.Losses;

/// <summary>
/// One entry of PaddleSeg's loss list: <paramref name="Value"/> is already multiplied by the outer coef
/// (and, for a MixedLoss term, by its inner coef). <paramref name="OutputIndex"/> is the model output it supervises.
/// </summary>
public sealed record LossTerm(string Name, int OutputIndex, Tensor Value);
