using Seg.Core.Building;
using Seg.Cli.Commands;
using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Prediction;
using Seg.Core.Registry;
using Seg.Models.Segmentation;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Cli.Tests;

// `seg predict` end to end: PP-LiteSeg-T on two CamVid val images with a checkpoint written here, then the three
// files per image checked against the same model run in the test.
[Category(TestCategories.NeedsShared)]
public class PredictCommandTests
{
    private static readonly string CamVidVal = Path.GetFullPath(Path.Combine(TestPaths.Camvid, "val"));

    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-predict-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    // The shipped CamVid config without the backbone's pretrained URL (no network in tests).
    private string Config()
    {
        var path = Path.Combine(dir, "predict.yml");
        var base_ = Path.Combine(TestPaths.RepoRoot, "configs", "pp_liteseg", "pp_liteseg_stdc1_camvid_480x360_10k.yml");
        File.WriteAllText(path, $"_base_: '{base_}'\nmodel:\n  backbone:\n    pretrained: null\n");
        return path;
    }

    private static ComponentRegistry Registry()
    {
        var registry = new ComponentRegistry();
        registry.RegisterAssembly(typeof(SegConfig).Assembly);
        registry.RegisterAssembly(typeof(PPLiteSeg).Assembly);
        return registry;
    }

    private static SegRun Predict(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new SegCommandLine();
        var configuration = new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var code = ErrorReporting.Run(() => cli.Root.Parse(["predict", .. args]).Invoke(configuration), error);
        return new SegRun(code, output.ToString(), error.ToString());
    }

    [Test]
    public void Predict_writes_pseudo_colour_overlay_and_raw_ids_for_each_camvid_image()
    {
        var config = Config();
        var registry = Registry();
        using var model = SegModelFactory.Build(ConfigLoader.Load(config, null, registry), registry);
        using (torch.no_grad())
        {
            // Weights that differ from a fresh model's, so the prediction shows whether they were loaded.
            torch.manual_seed(5);
            foreach (var (name, buffer) in model.named_buffers())
                if (name.EndsWith("_mean", StringComparison.Ordinal)) torch.nn.init.normal_(buffer, 0, 0.5);
        }
        // A checkpoint folder (as the trainer writes iter_N/), not just a file.
        var weights = Path.Combine(dir, "iter_7");
        Directory.CreateDirectory(weights);
        model.save(Path.Combine(weights, "model.safetensors"));
        var images = Path.Combine(dir, "images");
        Directory.CreateDirectory(Path.Combine(images, "sub"));
        File.Copy(Path.Combine(CamVidVal, "0016E5_07959.png"), Path.Combine(images, "a.png"));
        File.Copy(Path.Combine(CamVidVal, "0016E5_07961.png"), Path.Combine(images, "sub", "b.png"));
        var save = Path.Combine(dir, "out");

        var run = Predict("--config", config, "--model_path", weights, "--image_path", images, "--save_dir", save, "--device", "cpu");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Error, Does.Not.Contain("no Normalize"));
        var added = Path.Combine(save, "added_prediction");
        var pseudo = Path.Combine(save, "pseudo_color_prediction");
        Assert.That(run.Output.TrimEnd().Split('\n')[^1], Is.EqualTo($"Predicted images are saved in {added} and {pseudo} ."));
        Assert.That(run.Output, Does.Contain("[2/2] " + Path.Combine("sub", "b.png")));

        model.eval();
        foreach (var name in new[] { "a.png", Path.Combine("sub", "b.png") })
        {
            using var scope = torch.NewDisposeScope();
            var bgr = ImageIO.read_image(Path.Combine(images, name));
            var normalized = ((ImageIO.bgr_to_rgb(bgr).to(ScalarType.Float32) / 255.0) - 0.5) / 0.5;
            Tensor expected;
            using (torch.no_grad()) expected = model.forward(normalized.permute(2, 0, 1).unsqueeze(0))[0].argmax(1).squeeze(0).to(ScalarType.Byte);

            var label = ImageIO.read_image(Path.Combine(save, "label_prediction", name), ImageReadMode.Unchanged).squeeze(2);
            Assert.That(label.shape, Is.EqualTo(new long[] { 360, 480 }), name);
            var agree = label.eq(expected).to(ScalarType.Float64).mean().item<double>();
            Assert.That(agree, Is.GreaterThan(0.999), $"{name}: raw ids agree with the model on {agree:P3} of pixels");
            Assert.That(label.flatten().unique().output.numel(), Is.GreaterThan(1), $"{name}: a constant prediction would not show the weights");

            var png = File.ReadAllBytes(Path.Combine(pseudo, name));
            Assert.That(png[25], Is.EqualTo(3), $"{name}: pseudo-colour PNG is palette type");
            Assert.That(ImageIO.decode_image(png).equal(Core.Visualization.Visualize.PseudoColor(label, Core.Visualization.ColorMap.GetColorMapList(256)).flip(2)), Is.True, $"{name}: palette colours");

            var overlay = ImageIO.read_image(Path.Combine(added, name));
            Assert.That(overlay.shape, Is.EqualTo(bgr.shape), name);
        }
    }

    // PaddleSeg predicts with val_dataset's transforms, none when a config (a PSSL one) has no val_dataset: Seg does the
    // same but says that the images then reach the model unnormalised.
    [Test]
    public void Predicting_without_Normalize_warns_and_still_predicts()
    {
        var config = Path.Combine(dir, "raw.yml");
        File.WriteAllText(config, $"_base_: '{Config()}'\nval_dataset:\n  transforms: []\n");
        var registry = Registry();
        using var model = SegModelFactory.Build(ConfigLoader.Load(config, null, registry), registry);
        var weights = Path.Combine(dir, "model.safetensors");
        model.save(weights);
        var images = Path.Combine(dir, "images");
        Directory.CreateDirectory(images);
        File.Copy(Path.Combine(CamVidVal, "0016E5_07959.png"), Path.Combine(images, "a.png"));

        var run = Predict("--config", config, "--model_path", weights, "--image_path", images, "--save_dir", Path.Combine(dir, "out"), "--device", "cpu");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain($"warning: {config} has no Normalize in val_dataset.transforms"));
        Assert.That(File.Exists(Path.Combine(dir, "out", "label_prediction", "a.png")), Is.True);
    }

    [Test]
    public void A_folder_without_images_is_a_clear_error()
    {
        var empty = Path.Combine(dir, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "");
        var weights = Path.Combine(dir, "model.safetensors");
        File.WriteAllText(weights, "");

        var run = Predict("--config", Config(), "--model_path", weights, "--image_path", empty, "--device", "cpu");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Split('\n').Last(l => l.Length > 0), Does.StartWith("seg predict: error: --image_path: There are not image file in `--image_path`=" + empty));
        Assert.That(Directory.Exists(Path.Combine(dir, "output")), Is.False);
    }

    [Test]
    public void Unreadable_weights_are_a_model_path_error()
    {
        var images = Path.Combine(dir, "images");
        Directory.CreateDirectory(images);
        File.Copy(Path.Combine(CamVidVal, "0016E5_07959.png"), Path.Combine(images, "a.png"));
        var weights = Path.Combine(dir, "model.safetensors");
        File.WriteAllText(weights, "");

        var run = Predict("--config", Config(), "--model_path", weights, "--image_path", images, "--device", "cpu", "--save_dir", Path.Combine(dir, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("seg predict: error: --model_path: "));
        Assert.That(Directory.Exists(Path.Combine(dir, "out")), Is.False);
    }

    [Test]
    public void A_missing_image_path_is_a_clear_error()
    {
        var weights = Path.Combine(dir, "model.safetensors");
        File.WriteAllText(weights, "");

        var run = SegRun.Of("predict", "--config", Config(), "--model_path", weights, "--image_path", Path.Combine(dir, "nope"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--image_path"));
    }

    [Test]
    public void A_missing_model_path_is_a_clear_error()
    {
        var run = SegRun.Of("predict", "--config", Config(), "--model_path", Path.Combine(dir, "none"), "--image_path", dir);
        var absent = SegRun.Of("predict", "--config", Config(), "--image_path", dir);

        Assert.That((run.ExitCode, absent.ExitCode), Is.EqualTo((1, 1)));
        Assert.That(run.Error, Does.Contain($"--model_path: '{Path.Combine(dir, "none")}' does not exist"));
        Assert.That(absent.Error, Does.Contain("--model_path is required"));
    }
}
