using System.Globalization;
using System.Reflection;
using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Core.Losses;

/// <summary>
/// PaddleSeg's <c>loss: {types, coef}</c> pairing (paddleseg/core/train.py::loss_computation): loss i supervises
/// model output i with weight coef[i]; a multi-term loss (MixedLoss) contributes one term per member.
/// The total is the sum of all terms.
/// </summary>
public sealed class LossSet
{
    public LossSet(IReadOnlyList<ISegLoss> losses, IReadOnlyList<double> coef)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(coef);
        if (losses.Count == 0) throw new ArgumentException("a loss set needs at least one loss type", nameof(losses));
        if (losses.Count != coef.Count)
            throw new ArgumentException($"{losses.Count} loss types but {coef.Count} coef values: give exactly one coef per loss type", nameof(coef));
        Losses = losses;
        Coef = coef;
        Names = losses.Select(NameOf).ToList();
    }

    public IReadOnlyList<ISegLoss> Losses { get; }

    public IReadOnlyList<double> Coef { get; }

    /// <summary>The registered <c>type:</c> name of each loss.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Builds the set from a <c>loss:</c> map (<c>types</c> and <c>coef</c>). As PaddleSeg's DefaultLossRule does,
    /// a single type is repeated for every coef; any other length mismatch is an error.
    /// </summary>
    public static LossSet FromConfig(ConfigMap loss, ComponentRegistry registry, string keyPath = "loss")
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(registry);
        var map = (ConfigMap)loss.DeepClone();
        new DefaultLossRule(keyPath).Apply(Wrap(keyPath, map), []);
        var config = registry.Bind<LossConfig>(map, keyPath);
        return new LossSet(config.Types, config.Coef);
    }

    /// <summary>
    /// Applies loss i to <paramref name="logits"/>[i] and <paramref name="labels"/>. Throws when the model
    /// returned another number of outputs than there are loss types.
    /// </summary>
    public LossSetOutput Compute(IReadOnlyList<Tensor> logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Count != Losses.Count) throw CountMismatch(logits.Count);

        using var scope = torch.NewDisposeScope();
        var terms = new List<LossTerm>();
        for (var i = 0; i < Losses.Count; i++)
        {
            if (Losses[i] is ISegMultiTermLoss multi)
            {
                var values = multi.forward_terms(logits[i], labels);
                for (var j = 0; j < values.Count; j++)
                    terms.Add(new LossTerm($"{Names[i]}/{multi.TermNames[j]}", i, values[j] * Coef[i]));
            }
            else
            {
                terms.Add(new LossTerm(Names[i], i, Losses[i].forward(logits[i], labels) * Coef[i]));
            }
        }
        var total = terms[0].Value.clone();
        for (var j = 1; j < terms.Count; j++) total = total + terms[j].Value;
        foreach (var t in terms) scope.MoveToOuter(t.Value);
        return new LossSetOutput(scope.MoveToOuter(total), terms);
    }

    private ArgumentException CountMismatch(int outputs)
    {
        var n = Losses.Count.ToString(CultureInfo.InvariantCulture);
        return new ArgumentException(
            $"the model returned {outputs} output(s) but the loss config has {n} loss type(s) ({string.Join(", ", Names)}) with {n} coef value(s). " +
            $"PaddleSeg pairs them one to one (\"The length of logits_list should equal to the types of loss config: {outputs} != {n}.\"): " +
            $"write {outputs} entries in loss.types and {outputs} numbers in loss.coef, one per model output in the model's order " +
            "(a single loss.types entry is repeated for every coef). Models with auxiliary or detail heads return more outputs in training than in eval.");
    }

    private static string NameOf(ISegLoss loss) =>
        loss.GetType().GetCustomAttribute<SegComponentAttribute>()?.Name ?? loss.GetType().Name;

    private static ConfigMap Wrap(string key, ConfigMap loss)
    {
        var root = new ConfigMap(loss.Location);
        root.Set(key, loss);
        return root;
    }
}
