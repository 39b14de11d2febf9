using Seg.Cli.Commands;
using Seg.Core.Config;
using Seg.Core.Evaluation;

namespace Seg.Cli.Tests;

// tools/predict.py's merge_test_config (spec §9.1): YAML test_config minus aug_eval/auc_roc, then --aug_pred / --is_slide.
public class PredictTestConfigTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-predict-tc-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private ConfigMap TestConfig(string yaml)
    {
        var path = MinimalConfig.Write(dir, "tc.yml", MinimalConfig.Yaml + "\ntest_config:\n" + yaml);
        return SegConfig.Load(path).TestConfig;
    }

    [Test]
    public void The_yamls_aug_eval_does_not_carry_over_to_prediction()
    {
        var yaml = TestConfig("  aug_eval: true\n  scales: 0.5\n  flip_horizontal: true\n  auc_roc: true\n");

        var options = PredictTestConfig.Merge(yaml, new TestConfigArguments());

        Assert.That(options.AugEval, Is.False);
        Assert.That(options.Scales, Is.EqualTo(new[] { 0.5 }));
        Assert.That(options.IsSlide, Is.False);
    }

    [Test]
    public void Aug_pred_takes_scales_and_both_flips_from_the_command_line()
    {
        var yaml = TestConfig("  scales: [0.5, 0.75]\n  flip_vertical: true\n  is_slide: true\n  crop_size: [64, 32]\n  stride: [48, 24]\n");

        var options = PredictTestConfig.Merge(yaml, new TestConfigArguments { Augment = true, Scales = [0.75, 1.0, 1.25], FlipHorizontal = true });

        Assert.That(options, Is.EqualTo(new InferenceOptions
        {
            AugEval = true,
            Scales = options.Scales,
            FlipHorizontal = true,
            FlipVertical = false,
            IsSlide = true,
            CropSize = (64, 32),
            Stride = (48, 24),
        }));
        Assert.That(options.Scales, Is.EqualTo(new[] { 0.75, 1.0, 1.25 }));
    }

    [Test]
    public void Aug_legacy_comes_from_the_yaml_or_the_command_line()
    {
        var legacyYaml = TestConfig("  aug_legacy: true\n");
        var plainYaml = TestConfig("  scales: 0.5\n");

        var fromYaml = PredictTestConfig.Merge(legacyYaml, new TestConfigArguments { Augment = true, Scales = [0.75, 1.25] });
        var fromCli = PredictTestConfig.Merge(plainYaml, new TestConfigArguments { Augment = true, AugLegacy = true, Scales = [0.75, 1.25] });
        var neither = PredictTestConfig.Merge(plainYaml, new TestConfigArguments { Augment = true, Scales = [0.75, 1.25] });

        Assert.That((fromYaml.AugEval, fromYaml.AugLegacy), Is.EqualTo((true, true)));
        Assert.That((fromCli.AugEval, fromCli.AugLegacy), Is.EqualTo((true, true)));
        Assert.That(neither.AugLegacy, Is.False, "PaddleSeg v2.8+ by default");
    }

    [Test]
    public void Is_slide_on_the_command_line_replaces_the_window()
    {
        var yaml = TestConfig("  is_slide: false\n  crop_size: [64, 32]\n");

        var options = PredictTestConfig.Merge(yaml, new TestConfigArguments { IsSlide = true, CropSize = (10, 20), Stride = (5, 6) });

        Assert.That((options.IsSlide, options.CropSize, options.Stride), Is.EqualTo((true, ((int, int)?)(10, 20), ((int, int)?)(5, 6))));
    }

    [Test]
    public void Malformed_values_name_their_line()
    {
        var yaml = TestConfig("  crop_size: [64]\n");

        Assert.That(() => PredictTestConfig.Merge(yaml, new TestConfigArguments()),
            Throws.InstanceOf<ConfigException>().With.Message.Contains("test_config.crop_size must be two integers [width, height]").And.Message.Contains("tc.yml"));
    }
}
