using Seg.Core.Building;
using Seg.Core.Logging;
using Seg.Core.Weights;
using Seg.Models.Backbones;
using Seg.Models.Segmentation;
using Seg.Models.Tests.Models;

namespace Seg.Models.Tests.Pretrained;

// PaddleSeg weights through `pretrained:` in a config: a 1001-class PSSL PP-LiteSeg-B (STDC2) .pdparams fine-tunes the
// 11-class CamVid model with PaddleSeg's skip report, and a Cityscapes config that names PaddleSeg's backbone URL
// builds from the download cache.
[NonParallelizable]
public class PdparamsFineTuneTests
{
    private string dir = "";
    private string? previousHome;

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("seg-pdparams-finetune-").FullName;
        previousHome = Environment.GetEnvironmentVariable("SEG_HOME");
        Environment.SetEnvironmentVariable("SEG_HOME", Path.Combine(dir, "home"));
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("SEG_HOME", previousHome);
        Directory.Delete(dir, recursive: true);
    }

    private static string Config(string name) => Path.Combine(TestPaths.RepoRoot, "configs", "pp_liteseg", name);

    private static (Seg.Core.Contracts.SegModel Model, string Log) BuildLogged(string config)
    {
        using var log = new StringWriter();
        var previous = SegLog.Out;
        SegLog.Out = log;
        try
        {
            var model = SegModelFactory.Build(config, ModelCatalog.Registry);
            return (model, log.ToString());
        }
        finally
        {
            SegLog.Out = previous;
        }
    }

    [Test]
    public void A_1001_class_STDC2_pdparams_fine_tunes_the_11_class_CamVid_model_through_pretrained()
    {
        // The PSSL checkpoint's architecture (pp_liteseg_stdc2_pssl.yml's PP-LiteSeg-B head widths), initialised by Seg.
        torch.manual_seed(1);
        using var pssl = new PPLiteSeg(new PPLiteSegOptions
        {
            NumClasses = 1001,
            Backbone = new STDC2(new STDCNetOptions()),
            ArmOutChs = [32, 64, 128],
            SegHeadInterChs = [32, 64, 64],
        });
        var pdparams = Path.Combine(dir, "stdc2_pssl", "model.pdparams");
        WeightsWriter.Save(pdparams, pssl.state_dict().ToList(), WeightsFormat.Pdparams);
        var config = Path.Combine(dir, "camvid_stdc2_pssl.yml");
        File.WriteAllText(config, $"""
            _base_: '{Config("pp_liteseg_stdc1_camvid_480x360_10k.yml")}'
            model:
              backbone:
                type: STDC2
                pretrained: null
              pretrained: '{pdparams}'
            """);

        torch.manual_seed(2);
        var (built, log) = BuildLogged(config);
        using var fine = built;

        var psslState = pssl.state_dict();
        var fineState = fine.state_dict();
        var differing = fineState.Where(kv => !kv.Value.shape.SequenceEqual(psslState[kv.Key].shape)).Select(kv => kv.Key).ToList();
        Assert.That(differing, Is.EqualTo(new[] { "seg_heads.0.conv_out.weight", "seg_heads.1.conv_out.weight", "seg_heads.2.conv_out.weight" }));
        foreach (var (k, v) in fineState) Assert.That(v.equal(psslState[k]), Is.EqualTo(!differing.Contains(k)), k);
        Assert.That(log, Does.Contain($"Loading pretrained model from {pdparams}"));
        var summary = $"loaded {fineState.Count - 3}/{fineState.Count}; skipped 3: "
            + string.Join(", ", differing.Select(k => $"{k} [1001,{fineState[k].shape[1]},1,1] vs [11,{fineState[k].shape[1]},1,1]"));
        Assert.That(log, Does.Contain(summary));
    }

    [Test]
    public void A_cityscapes_config_naming_paddlesegs_url_builds_from_the_cache_and_says_where_when_missing()
    {
        var config = Config("pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml");
        var cached = Path.Combine(dir, "home", "pretrained_model", "PP_STDCNet2", "model.pdparams");

        var e = Assert.Catch(() => SegModelFactory.Build(config, ModelCatalog.Registry))!;
        Assert.That(e.InnerException, Is.InstanceOf<FileNotFoundException>());
        Assert.That(e.Message, Does.Contain("https://bj.bcebos.com/paddleseg/dygraph/PP_STDCNet2.tar.gz").And.Contain(cached));

        // An ImageNet backbone checkpoint: the backbone's keys plus a classifier the segmentation model does not have.
        torch.manual_seed(3);
        using var backbone = new STDC2(new STDCNetOptions());
        using var fc = torch.randn(1000, 1024);
        var tensors = backbone.state_dict().ToList();
        tensors.Add(new("fc.weight", fc));
        WeightsWriter.Save(cached, tensors, WeightsFormat.Pdparams);

        var (built, log) = BuildLogged(config);
        using var model = built;
        var state = model.state_dict();
        foreach (var (k, v) in backbone.state_dict()) Assert.That(state["backbone." + k].equal(v), Is.True, k);
        Assert.That(log, Does.Contain($"loaded {backbone.state_dict().Count}/{backbone.state_dict().Count}"));
    }
}
