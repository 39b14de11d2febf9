using Seg.Core.Config;
using Seg.Core.Evaluation;

namespace Seg.Core.Tests.Evaluation;

// test_config → InferenceOptions: a float scale is wrapped, a list used, a bare int rejected as PaddleSeg rejects it.
public class InferenceOptionsTests
{
    private static InferenceOptions Of(string yaml) => InferenceOptions.FromTestConfig((ConfigMap)YamlConfigReader.ReadText(yaml, "t.yml")["test_config"]);

    [Test]
    public void Reads_every_key_of_test_config()
    {
        var o = Of("test_config:\n  aug_eval: True\n  scales: [0.75, 1.0, 1]\n  flip_horizontal: True\n  is_slide: True\n  crop_size: [1024, 512]\n  stride: [768, 384]\n");

        Assert.That((o.AugEval, o.FlipHorizontal, o.FlipVertical, o.IsSlide), Is.EqualTo((true, true, false, true)));
        Assert.That(o.Scales, Is.EqualTo(new[] { 0.75, 1.0, 1.0 }));
        Assert.That((o.CropSize, o.Stride), Is.EqualTo(((1024, 512), (768, 384))));
    }

    [Test]
    public void A_float_scale_is_wrapped_and_an_int_is_rejected()
    {
        Assert.That(Of("test_config:\n  scales: 0.5\n").Scales, Is.EqualTo(new[] { 0.5 }));
        Assert.That(() => Of("test_config:\n  scales: 1\n"), Throws.TypeOf<ConfigException>().With.Message.Contains("t.yml:2").And.Message.Contains("write 1.0 or [1]"));
        Assert.That(() => Of("test_config:\n  crop_size: 512\n"), Throws.TypeOf<ConfigException>().With.Message.Contains("test_config.crop_size"));
        Assert.That(Of("test_config:\n  use_multilabel: False\n  auc_roc: True\n").IsSlide, Is.False, "keys evaluate() takes for other purposes are ignored");
        Assert.That(InferenceOptions.FromTestConfig(null), Is.EqualTo(new InferenceOptions()).Using<InferenceOptions>((a, b) => a.Scales.SequenceEqual(b.Scales) && a.AugEval == b.AugEval));
    }

    [Test]
    public void Aug_legacy_is_off_by_default_and_must_be_a_boolean()
    {
        Assert.That(Of("test_config:\n  aug_eval: True\n").AugLegacy, Is.False, "the default is PaddleSeg v2.8+");
        Assert.That(Of("test_config:\n  aug_eval: True\n  aug_legacy: True\n").AugLegacy, Is.True);
        Assert.That(() => Of("test_config:\n  aug_legacy: v2.7\n"),
            Throws.TypeOf<ConfigException>().With.Message.Contains("t.yml:2").And.Message.Contains("test_config.aug_legacy must be True or False"));
    }

    [Test]
    public void Validation_names_the_missing_window_and_bad_scales()
    {
        Assert.That(() => new InferenceOptions { IsSlide = true, CropSize = (4, 4) }.Validate(), Throws.ArgumentException.With.Message.Contains("crop_size and stride"));
        Assert.That(() => new InferenceOptions { Scales = [0] }.Validate(), Throws.ArgumentException.With.Message.Contains("must be positive"));
    }
}
