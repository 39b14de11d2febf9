using Seg.Cli.Commands;
using Seg.Core.Evaluation;

namespace Seg.Cli.Tests;

// merge_test_config (spec §8.7): only --aug_eval overwrites the augmentation keys, only --is_slide the window keys.
public class ValTestConfigMergeTests
{
    private static readonly InferenceOptions Yaml = new()
    {
        AugEval = true, Scales = [0.5], FlipHorizontal = true, FlipVertical = true, IsSlide = true, CropSize = (64, 32), Stride = (48, 24),
    };

    [Test]
    public void Without_the_switches_the_yaml_applies_unchanged_even_when_other_flags_are_given()
    {
        var merged = TestConfigMerge.Apply(Yaml, new TestConfigArguments { Scales = [2.0], CropSize = (8, 8), Stride = (4, 4) });

        Assert.That(merged, Is.SameAs(Yaml));
    }

    [Test]
    public void Aug_eval_overwrites_scales_and_both_flips_and_unset_flips_become_false()
    {
        var merged = TestConfigMerge.Apply(Yaml, new TestConfigArguments { Augment = true, Scales = [0.75, 1.0], FlipHorizontal = true });

        Assert.That((merged.AugEval, merged.FlipHorizontal, merged.FlipVertical), Is.EqualTo((true, true, false)));
        Assert.That(merged.Scales, Is.EqualTo(new[] { 0.75, 1.0 }));
        Assert.That((merged.IsSlide, merged.CropSize, merged.Stride), Is.EqualTo((true, ((int, int)?)(64, 32), ((int, int)?)(48, 24))));
    }

    [Test]
    public void Is_slide_overwrites_only_the_window()
    {
        var merged = TestConfigMerge.Apply(new InferenceOptions { Scales = [0.5], AugEval = true }, new TestConfigArguments { IsSlide = true, CropSize = (8, 6), Stride = (4, 3) });

        Assert.That((merged.IsSlide, merged.CropSize, merged.Stride), Is.EqualTo((true, ((int, int)?)(8, 6), ((int, int)?)(4, 3))));
        Assert.That((merged.AugEval, merged.Scales[0]), Is.EqualTo((true, 0.5)));
    }

    [Test]
    public void Aug_legacy_turns_the_v27_combination_on_and_never_off()
    {
        var on = TestConfigMerge.Apply(Yaml, new TestConfigArguments { Augment = true, AugLegacy = true, Scales = [0.75, 1.0] });
        var kept = TestConfigMerge.Apply(Yaml with { AugLegacy = true }, new TestConfigArguments { Augment = true, Scales = [1.0] });
        var plain = TestConfigMerge.Apply(Yaml, new TestConfigArguments { Augment = true, Scales = [1.0] });

        Assert.That((on.AugLegacy, kept.AugLegacy, plain.AugLegacy), Is.EqualTo((true, true, false)));
        Assert.That(on.Scales, Is.EqualTo(new[] { 0.75, 1.0 }));
    }
}
