using Seg.Core.Building;
using System.Text.Json;
using Seg.Core.Registry;
using Seg.Models.Segmentation;
using Seg.Torch;

namespace Seg.Cli.Tests;

// `seg model summary` against PaddleSeg's manifests, and `seg model run` against the same model run in-process.
public class ModelCommandTests
{
    private static string Reference => Path.Combine(TestPaths.RepoRoot, "..", "shared", "reference");

    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-model-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [TestCase("stdcseg_stdc1")]
    [TestCase("stdcseg_stdc2_pssl")]
    [TestCase("pp_liteseg_stdc2")]
    [TestCase("pspnet_resnet50_vd")]
    [TestCase("deeplabv3_resnet50_vd")]
    [TestCase("ocrnet_hrnetw18")]
    public void Summary_json_on_PaddleSegs_own_config_equals_the_manifest(string manifestName)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Reference, "manifests", manifestName + ".json")));
        var m = manifest.RootElement;
        var config = Path.Combine(Reference, "paddleseg-configs", m.GetProperty("paddleseg_config").GetString()!["configs/".Length..]);

        var run = SegRun.Of("model", "summary", "--config", config, "--format", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        var s = summary.RootElement;
        Assert.That(s.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "params", "state_dict" }));
        var counts = m.GetProperty("counts");
        Assert.That(s.GetProperty("params").GetInt64(), Is.EqualTo(counts.GetProperty("trainable_params").GetInt64() + counts.GetProperty("frozen_params").GetInt64()));
        Assert.That(Entries(s.GetProperty("state_dict"), "key"), Is.EqualTo(Entries(m.GetProperty("state_dict"), "name")));
    }

    [Test]
    public void Summary_text_lists_modules_totals_and_output_shapes()
    {
        var config = Path.Combine(TestPaths.RepoRoot, "configs", "stdcseg", "stdc1_seg_cityscapes_1024x512_80k.yml");

        var run = SegRun.Of("model", "summary", "--config", config, "--input_size", "70", "50");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("cp.backbone"));
        Assert.That(run.Output, Does.Contain("Total params: 8,925,853 (trainable 8,925,853, frozen 0)"));
        Assert.That(run.Output, Does.Contain("Outputs (eval, input [1, 3, 50, 70]): [1, 19, 50, 70]"));
        Assert.That(run.Output, Does.Contain("Outputs (train, input [2, 3, 50, 70]): [2, 19, 50, 70], [2, 19, 50, 70], [2, 19, 50, 70], [2, 1, 7, 9]"));
        Assert.That(run.Error, Does.Contain("Added model.num_classes = 19 from the NUM_CLASSES of dataset Cityscapes"));
    }

    [Test]
    public void Run_saves_every_output_of_the_model_with_the_given_weights()
    {
        var config = Path.Combine(TestPaths.RepoRoot, "configs", "stdcseg", "stdc1_seg_cityscapes_1024x512_80k.yml");
        var registry = new ComponentRegistry();
        registry.RegisterAssembly(typeof(STDCSeg).Assembly);
        using var model = SegModelFactory.Build(config, registry, loadPretrained: false); // the config names its backbone weights by URL
        using (torch.no_grad())
        {
            // Running statistics that differ from a fresh model's, so eval mode shows whether the weights were loaded.
            foreach (var (name, buffer) in model.named_buffers())
                if (name.EndsWith("_mean", StringComparison.Ordinal)) torch.nn.init.normal_(buffer, 0, 0.1);
        }
        var weights = Path.Combine(dir, "w.safetensors");
        var input = Path.Combine(dir, "in.safetensors");
        model.save(weights);
        torch.manual_seed(3);
        using var images = torch.randn([2, 3, 50, 70]);
        SafeTensors.Save(input, [new("input", images)]);

        foreach (var mode in new[] { "eval", "train" })
        {
            var output = Path.Combine(dir, mode + ".safetensors");
            var run = SegRun.Of("model", "run", "--config", config, "--weights", weights, "--input", input, "--output", output, "--mode", mode);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);

            model.train(mode == "train");
            using var scope = torch.NewDisposeScope();
            using var grad = torch.no_grad();
            var expected = model.forward(images);
            using var file = SafeTensors.Load(output);
            Assert.That(file.Tensors.Select(t => t.Key), Is.EqualTo(expected.Select((_, i) => $"output_{i}")), mode);
            for (var i = 0; i < expected.Length; i++)
                Assert.That(file[$"output_{i}"].allclose(expected[i], rtol: 1e-5, atol: 1e-5), Is.True, $"{mode} output_{i}");
        }
    }

    [Test]
    public void Run_with_weights_of_another_model_is_a_one_line_error()
    {
        var config = Path.Combine(TestPaths.RepoRoot, "configs", "stdcseg", "stdc1_seg_cityscapes_1024x512_80k.yml");
        var weights = Path.Combine(dir, "w.safetensors");
        var input = Path.Combine(dir, "in.safetensors");
        using (var t = torch.zeros([1])) SafeTensors.Save(weights, [new("head.weight", t)]);
        using (var t = torch.zeros([1, 3, 32, 32])) SafeTensors.Save(input, [new("input", t)]);

        var run = SegRun.Of("model", "run", "--config", config, "--weights", weights, "--input", input, "--output", Path.Combine(dir, "o.safetensors"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("seg model run: error: --weights:"));
        Assert.That(File.Exists(Path.Combine(dir, "o.safetensors")), Is.False);
    }

    private static List<(string, string)> Entries(JsonElement list, string keyName) =>
        list.EnumerateArray().Select(e => (e.GetProperty(keyName).GetString()!, string.Join(",", e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())))).ToList();
}
