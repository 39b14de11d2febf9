using System.Globalization;
using Seg.Core.Contracts;
using Seg.Core.Optimization.Optimizers;
using Seg.Torch.Modules;

namespace Seg.Core.Optimization;

/// <summary>
/// Splits a model's trainable parameters into groups as PaddleSeg's optimizers see them (paddleseg/optimizers/optimizer.py::BaseOptimizer, with the backbone lr multipliers of the pretrained models).
/// Parameters with requires_grad false are left out.
/// </summary>
public static class ParameterGrouping
{
    /// <summary>
    /// Without <paramref name="customCfg"/>: one group per distinct lr multiplier (from the modules implementing
    /// <see cref="IParameterLearningRates"/>, 1 otherwise), in order of first appearance in named_parameters().
    /// With it: one group per entry (first substring match wins) and a last default group, empty groups kept; as in
    /// Paddle's <c>_add_param_group</c>, the group's lr_mult replaces the modules' own multipliers.
    /// </summary>
    public static IReadOnlyList<ParameterGroupPlan> Collect(Module model, IReadOnlyList<CustomParamGroupOptions>? customCfg, double? weightDecay)
    {
        ArgumentNullException.ThrowIfNull(model);
        var trainable = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        return customCfg is { Count: > 0 } ? ByName(trainable, customCfg, weightDecay) : ByMultiplier(model, trainable);
    }

    private static List<ParameterGroupPlan> ByMultiplier(Module model, List<(string, Parameter)> trainable)
    {
        var multipliers = new Dictionary<Parameter, double>(ReferenceEqualityComparer.Instance);
        foreach (var source in model.modules().OfType<IParameterLearningRates>())
            foreach (var (p, m) in source.LearningRateMultipliers()) multipliers[p] = m;

        var groups = new List<(double Multiplier, List<(string, Parameter)> Members)>();
        foreach (var (name, p) in trainable)
        {
            var m = multipliers.GetValueOrDefault(p, 1.0);
            var index = groups.FindIndex(g => g.Multiplier.Equals(m));
            if (index < 0)
            {
                groups.Add((m, []));
                index = groups.Count - 1;
            }
            groups[index].Members.Add((name, p));
        }
        if (groups.Count == 0) throw new ArgumentException("the model has no trainable parameters");
        return groups.Select(g => new ParameterGroupPlan(
            g.Multiplier.Equals(1.0) ? "default" : "lr x" + g.Multiplier.ToString(CultureInfo.InvariantCulture), g.Members, g.Multiplier, null)).ToList();
    }

    private static List<ParameterGroupPlan> ByName(List<(string, Parameter)> trainable, IReadOnlyList<CustomParamGroupOptions> customCfg, double? weightDecay)
    {
        var members = Enumerable.Range(0, customCfg.Count + 1).Select(_ => new List<(string, Parameter)>()).ToList();
        foreach (var (name, p) in trainable)
        {
            var index = 0;
            while (index < customCfg.Count && !name.Contains(customCfg[index].Name, StringComparison.Ordinal)) index++;
            members[index].Add((name, p));
        }
        var plans = new List<ParameterGroupPlan>();
        for (var i = 0; i < customCfg.Count; i++)
        {
            var c = customCfg[i];
            double? wd = weightDecay is { } w && c.WeightDecayMult is { } mult ? w * mult : null;
            plans.Add(new ParameterGroupPlan(c.Name, members[i], c.LrMult, wd));
        }
        plans.Add(new ParameterGroupPlan("default", members[^1], 1.0, null));
        return plans;
    }
}
