using System.Globalization;
using System.Reflection;
using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Models.Losses;

/// <summary>
/// PaddleSeg's <c>MixedLoss</c> (paddleseg/models/losses/mixed_loss.py::MixedLoss.forward): several losses on the same output. Its terms are
/// <c>coef[j] · losses[j](logits, labels)</c>; the train loop (LossSet) keeps each as its own entry, and
/// <see cref="forward"/> returns their sum.
/// </summary>
[SegComponent("MixedLoss", ComponentKind.Loss)]
public sealed class MixedLoss : ISegMultiTermLoss
{
    public MixedLoss(MixedLossOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Losses);
        ArgumentNullException.ThrowIfNull(options.Coef);
        if (options.Losses.Count != options.Coef.Count)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The length of `losses` should equal to `coef`, but they are {options.Losses.Count} and {options.Coef.Count}: give one coef per member loss"));
        if (options.Losses.Count == 0) throw new ArgumentException("MixedLoss needs at least one member in `losses`");
        Options = options;
        TermNames = options.Losses.Select(l => l.GetType().GetCustomAttribute<SegComponentAttribute>()?.Name ?? l.GetType().Name).ToList();
    }

    public MixedLossOptions Options { get; }

    public IReadOnlyList<string> TermNames { get; }

    public IReadOnlyList<Tensor> forward_terms(Tensor logits, Tensor labels)
    {
        var terms = new Tensor[Options.Losses.Count];
        for (var j = 0; j < terms.Length; j++)
        {
            using var value = Options.Losses[j].forward(logits, labels);
            terms[j] = value * Options.Coef[j];
        }
        return terms;
    }

    public Tensor forward(Tensor logits, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var terms = forward_terms(logits, labels);
        var sum = terms[0];
        for (var j = 1; j < terms.Count; j++) sum = sum + terms[j];
        return scope.MoveToOuter(sum);
    }
}
