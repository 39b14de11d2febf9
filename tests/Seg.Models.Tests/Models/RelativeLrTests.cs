using Seg.Core.Contracts;

namespace Seg.Models.Tests.Models;

// STDCNet's relative_lr reaches the trainer as a learning-rate multiplier on every backbone parameter.
[Category(TestCategories.NeedsShared)]
public class RelativeLrTests
{
    [TestCase("stdcseg_stdc2_pssl", 0.1)]
    [TestCase("pp_liteseg_stdc1", 1.0)]
    public void Every_backbone_parameter_and_nothing_else_gets_relative_lr(string name, double expected)
    {
        using var model = ModelCatalog.Build(Manifest.Load(name).ConfigPath);

        var sources = model.modules().OfType<IParameterLearningRates>().ToList();
        var multipliers = sources.SelectMany(s => s.LearningRateMultipliers()).ToList();
        var backbonePrefix = name.StartsWith("stdcseg", StringComparison.Ordinal) ? "cp.backbone." : "backbone.";
        var backboneParams = model.named_parameters().Where(p => p.name.StartsWith(backbonePrefix, StringComparison.Ordinal)).Select(p => p.parameter).ToList();

        Assert.That(sources, Has.Count.EqualTo(1));
        Assert.That(multipliers.Select(m => m.Multiplier).Distinct(), Is.EqualTo(new[] { expected }));
        Assert.That(multipliers.Select(m => m.Parameter), Is.EquivalentTo(backboneParams));
    }
}
