using System.Text.Json;

namespace Seg.Cli.Tests;

// The shipped PSPNet, DeepLabV3 and OCRNet configs validate and build with the classes of their dataset, and bad model
// settings are one-line config errors naming the file, the key and what is allowed.
public class ModelsIIConfigTests
{
    private static readonly string[] Families = ["pspnet", "deeplabv3", "ocrnet"];

    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-models-ii-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private static IEnumerable<string> ShippedConfigs() =>
        Families.SelectMany(f => Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "configs", f), "*.yml"))
            .Select(p => Path.GetRelativePath(TestPaths.RepoRoot, p)).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ShippedConfigs))]
    public void Shipped_config_validates_and_builds_with_its_datasets_classes(string relative)
    {
        var config = Path.Combine(TestPaths.RepoRoot, relative);
        var validate = SegRun.Of("config", "show", "--config", config, "--validate");
        Assert.That(validate.ExitCode, Is.EqualTo(0), validate.Error);

        var summary = SegRun.Of("model", "summary", "--config", config, "--format", "json");
        Assert.That(summary.ExitCode, Is.EqualTo(0), summary.Error);
        using var json = JsonDocument.Parse(summary.Output);
        var classifier = json.RootElement.GetProperty("state_dict").EnumerateArray()
            .First(e => e.GetProperty("key").GetString() is "head.conv.weight" or "head.cls.weight" or "head.cls_head.weight");
        Assert.That(classifier.GetProperty("shape")[0].GetInt64(), Is.EqualTo(ExpectedClasses(relative)));
    }

    private static long ExpectedClasses(string config) =>
        config.Contains("pssl", StringComparison.Ordinal) && !config.Contains("camvid", StringComparison.Ordinal) ? 1001
        : config.Contains("camvid", StringComparison.Ordinal) ? 11
        : config.Contains("ade20k", StringComparison.Ordinal) ? 150
        : config.Contains("voc12", StringComparison.Ordinal) ? 21
        : 19;

    // (base config, override YAML, key path in the error, what the error says is allowed); `--validate` catches each too,
    // so the backbone's outputs are checked from its type, before anything is built.
    [TestCase("pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml", "model:\n  backbone:\n    output_stride: 4\n",
        "model.backbone.output_stride", "write 8 (stages 3 and 4 dilated), 16 (stage 4 dilated) or 32")]
    [TestCase("deeplabv3/deeplabv3_resnet50_os8_camvid_480x360_10k.yml", "model:\n  backbone:\n    multi_grid: []\n",
        "model.backbone.multi_grid", "one positive dilation multiplier per block of stage 4")]
    [TestCase("pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml", "model:\n  backbone_indices: [2, 4]\n",
        "model.backbone_indices", "each index must be in [0, 3] (ResNet50_vd has 4 output(s))")]
    [TestCase("pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml", "model:\n  backbone_indices: [3]\n",
        "model.backbone_indices", "needs 2 value(s)")]
    [TestCase("ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml", "model:\n  backbone_indices: [1]\n",
        "model.backbone_indices", "each index must be in [0, 0] (HRNet_W18 has 1 output(s))")]
    [TestCase("pp_liteseg/pp_liteseg_stdc1_camvid_480x360_10k.yml", "model:\n  backbone_indices: [2, 3, 5]\n",
        "model.backbone_indices", "each index must be in [0, 4] (STDC1 has 5 output(s))")]
    [TestCase("pp_liteseg/pp_liteseg_stdc1_camvid_480x360_10k.yml", "model:\n  arm_out_chs: [32, 64]\n",
        "model.arm_out_chs", "needs one value or one per backbone_indices entry (3), got [32, 64]")]
    [TestCase("pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml", "model:\n  bin_sizes: []\n",
        "model.bin_sizes", "needs at least one positive pooled size")]
    [TestCase("deeplabv3/deeplabv3_resnet50_os8_camvid_480x360_10k.yml", "model:\n  aspp_ratios: []\n",
        "model.aspp_ratios", "needs at least one positive dilation")]
    [TestCase("ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml", "model:\n  backbone:\n    stage3_num_channels: [18, 36]\n",
        "model.backbone.stage3_num_channels", "stage 3 has 3 branch(es): write 3 positive channel count(s), got [18, 36]")]
    [TestCase("ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml", "model:\n  backbone:\n    stage4_num_blocks: [4, 4, 4]\n",
        "model.backbone.stage4_num_blocks", "stage 4 has 4 branch(es): write 4 positive block count(s)")]
    public void Bad_model_setting_is_a_config_error_naming_file_key_and_what_is_allowed(string baseConfig, string yaml, string key, string allowed)
    {
        var config = Path.Combine(dir, "bad.yml");
        File.WriteAllText(config, $"_base_: {Path.Combine(TestPaths.RepoRoot, "configs", baseConfig)}\n{yaml}");

        var summary = SegRun.Of("model", "summary", "--config", config);
        Assert.That(summary.ExitCode, Is.Not.Zero);
        var error = summary.Error.Split('\n').Single(l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.That(error, Does.Contain("bad.yml:"));
        Assert.That(error, Does.Contain(key + ":"));
        Assert.That(error, Does.Contain(allowed));

        var validate = SegRun.Of("config", "show", "--config", config, "--validate");
        Assert.That(validate.ExitCode, Is.Not.Zero);
        Assert.That(validate.Error, Does.Contain(key + ":").And.Contain(allowed));
    }
}
