using Seg.Core.Config;
using Seg.Core.Training;

namespace Seg.Core.Tests.Training;

public class TestConfigMapperTests
{
    private static ConfigMap Map(string yaml) => (ConfigMap)YamlConfigReader.ReadText(yaml, "t.yml");

    [Test]
    public void MapsEveryEvaluateKey()
    {
        var o = TestConfigMapper.Map(Map("aug_eval: true\nscales: [0.75, 1.0, 1.25]\nflip_horizontal: true\nflip_vertical: false\nis_slide: true\ncrop_size: [1024, 512]\nstride: [768, 384]\nuse_multilabel: false\n"));
        Assert.Multiple(() =>
        {
            Assert.That(o.AugEval && o.FlipHorizontal && o.IsSlide, Is.True);
            Assert.That(o.FlipVertical, Is.False);
            Assert.That(o.Scales, Is.EqualTo(new[] { 0.75, 1.0, 1.25 }));
            Assert.That(o.CropSize, Is.EqualTo((1024, 512)));
            Assert.That(o.Stride, Is.EqualTo((768, 384)));
        });
    }

    [Test]
    public void ScalesMayBeOneNumberAndDefaultsStay()
    {
        var o = TestConfigMapper.Map(Map("scales: 0.5\n"));
        Assert.That(o.Scales, Is.EqualTo(new[] { 0.5 }));
        Assert.That(o.IsSlide || o.AugEval || o.CropSize is not null, Is.False);
        Assert.That(() => TestConfigMapper.Map(Map("crop_size: 512\n")), Throws.TypeOf<ConfigException>().With.Message.Contains("crop_size"));
    }
}
