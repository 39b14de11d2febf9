using System.Text.Json.Nodes;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Cli.Tests;

// `seg train` end to end: a tiny generated Dataset, then a CamVid smoke run.
[Category(TestCategories.NeedsShared)]
public class TrainCommandTests
{
    private string dir = "";

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), $"seg-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "img"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private string TinyConfig()
    {
        using (var scope = torch.NewDisposeScope())
        {
            torch.manual_seed(5);
            var lines = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                var image = torch.randint(0, 256, [32, 32, 3], ScalarType.Byte);
                ImageIO.write_png(image, Path.Combine(dir, "img", $"{i}.png"));
                ImageIO.write_png(image.select(2, 1).gt(127).to(ScalarType.Byte), Path.Combine(dir, "img", $"{i}_l.png"));
                lines.Add($"img/{i}.png img/{i}_l.png");
            }
            File.WriteAllText(Path.Combine(dir, "train.txt"), string.Join('\n', lines) + "\n");
        }
        var yaml = $"""
            batch_size: 2
            iters: 2
            train_dataset:
              type: Dataset
              dataset_root: {dir}
              train_path: {Path.Combine(dir, "train.txt")}
              num_classes: 2
              mode: train
              transforms:
                - type: RandomHorizontalFlip
                - type: Normalize
            model:
              type: PPLiteSeg
              num_classes: 2
              backbone:
                type: STDC1
              arm_out_chs: [8, 16, 16]
              seg_head_inter_chs: [8, 8, 8]
            optimizer:
              type: SGD
              momentum: 0.9
            lr_scheduler:
              type: PolynomialDecay
              learning_rate: 0.01
            loss:
              types:
                - type: CrossEntropyLoss
              coef: [1, 1, 1]
            """;
        return MinimalConfig.Write(dir, "tiny.yml", yaml);
    }

    [Test]
    public void TrainsATinyDatasetAndWritesCheckpointsLogsAndResolvedConfig()
    {
        var config = TinyConfig();
        var save = Path.Combine(dir, "out");
        var run = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--save_interval", "1", "--log_iters", "1", "--seed", "3", "--keep_checkpoint_max", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetDirectories(save).Select(Path.GetFileName), Is.EquivalentTo(new[] { "iter_2" }), "keep_checkpoint_max 1");
            foreach (var f in new[] { "model.safetensors", "optimizer.safetensors", "state.json" })
                Assert.That(File.Exists(Path.Combine(save, "iter_2", f)), Is.True, f);
            Assert.That(File.ReadAllText(Path.Combine(save, "resolved.yml")), Does.Contain("PPLiteSeg").And.Contain("iters: 2"));
            var trainLines = run.Output.Split('\n').Where(l => l.Contains("[TRAIN] epoch", StringComparison.Ordinal)).ToList();
            Assert.That(trainLines, Has.Count.EqualTo(2));
            Assert.That(trainLines[1], Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[INFO\]\t\[TRAIN\] epoch: 1, iter: 2/2, loss: \d+\.\d{4}, lr: 0\.\d{6}, batch_cost: .* \| ETA \d\d:\d\d:\d\d"));
            Assert.That(run.Output, Does.Contain("[TRAIN] Finished at iter 2/2"));
            var jsonl = File.ReadAllLines(Path.Combine(save, "train_log.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.That(jsonl.Select(j => j["iter"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(jsonl[0]["losses"]!.AsObject(), Has.Count.EqualTo(3), "one term per model output");
            var state = JsonNode.Parse(File.ReadAllText(Path.Combine(save, "iter_2", "state.json")))!;
            Assert.That(state["seed"]!.GetValue<long>(), Is.EqualTo(3));
        });

        var resumed = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--resume_model", Path.Combine(save, "iter_2"), "--iters", "3", "--log_iters", "1");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(resumed.Output, Does.Contain("Resumed from").And.Contain("epoch: 2, iter: 3/3").And.Not.Contain("iter: 2/3"));
        Assert.That(Directory.Exists(Path.Combine(save, "iter_2")), Is.True, "checkpoints from before the resume are not counted by keep_checkpoint_max");

        var notCheckpoint = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--resume_model", save);
        Assert.That(notCheckpoint.ExitCode, Is.Not.EqualTo(0));
        Assert.That(notCheckpoint.Error, Does.Contain("is not a checkpoint folder").And.Contain("model.safetensors"));
    }

    // Issue 18: --use_ema writes iter_N/ema_model.safetensors; after iter 2 it is 2/3·ema_1 + 1/3·model_2 (decay min(1 − 1/3, 0.999)).
    [Test]
    public void UseEmaSavesTheAveragedModelInEachCheckpoint()
    {
        var config = TinyConfig();
        var save = Path.Combine(dir, "ema");
        var run = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--save_interval", "1", "--seed", "3", "--use_ema");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Error, Does.Not.Contain("--use_ema"), "no 'not implemented' warning");
        using var scope = torch.NewDisposeScope();
        using var ema1 = SafeTensors.Load(Path.Combine(save, "iter_1", "ema_model.safetensors"));
        using var ema2 = SafeTensors.Load(Path.Combine(save, "iter_2", "ema_model.safetensors"));
        using var model2 = SafeTensors.Load(Path.Combine(save, "iter_2", "model.safetensors"));
        Assert.That(ema2.Tensors.Select(t => t.Key), Is.EqualTo(model2.Tensors.Select(t => t.Key)));
        foreach (var (key, value) in ema2.Tensors.Where(t => t.Value.dtype == ScalarType.Float32))
        {
            var expected = (ema1[key].to(ScalarType.Float64) * (2.0 / 3.0)) + (model2[key].to(ScalarType.Float64) * (1.0 / 3.0));
            Assert.That((value.to(ScalarType.Float64) - expected).abs().max().item<double>(), Is.LessThan(1e-5), key);
        }
    }

    [Test]
    public void MissingDataFilesAreAClearError()
    {
        var config = TinyConfig();
        File.Delete(Path.Combine(dir, "img", "2.png"));
        var run = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", Path.Combine(dir, "out"), "--seed", "1");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Error, Does.Contain("2.png"));
    }

    [Test]
    public void DoEvalWithoutValDatasetIsAnErrorBeforeTraining()
    {
        var config = TinyConfig();
        var save = Path.Combine(dir, "out");
        var run = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--do_eval");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--do_eval needs a val_dataset"));
        Assert.That(Directory.Exists(Path.Combine(save, "iter_2")), Is.False);
    }

    [Test]
    public void Fp16TrainsUnderAutocastWithPaddleSegsFlags()
    {
        var config = TinyConfig();
        var save = Path.Combine(dir, "out");
        var run = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--seed", "3", "--log_iters", "1", "--precision", "fp16", "--amp_level", "O1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Does.Contain("use AMP to train. AMP level = O1").And.Contain("bfloat16"));
        Assert.That(run.Output, Does.Contain("iter: 2/2"));
        Assert.That(File.Exists(Path.Combine(save, "iter_2", "model.safetensors")), Is.True);
    }

    [TestCase("--precision", "fp16", "--amp_level", "O2", "O2")]
    [TestCase("--precision", "fp32", "--amp_level", "O1", "applies only with --precision fp16")]
    [TestCase("--amp_level", "O2", null, null, "applies only with --precision fp16")]
    public void BadPrecisionCombinationsAreOneLineErrorsBeforeTraining(string f1, string v1, string? f2, string? v2, string expected)
    {
        var config = TinyConfig();
        var save = Path.Combine(dir, "out");
        string[] args = ["train", "--config", config, "--device", "cpu", "--save_dir", save, f1, v1, .. f2 is null ? Array.Empty<string>() : [f2, v2!]];
        var run = SegRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim(), Does.Contain(expected).And.Not.Contain("\n"));
        Assert.That(Directory.Exists(save), Is.False);
    }

    [Test]
    public void GpuFallsBackToCpuWithAWarningWhenCudaIsMissing()
    {
        using var error = new StringWriter();
        var device = Seg.Cli.Commands.TrainRunner.ChooseDevice("gpu", error);
        if (torch.cuda.is_available())
        {
            Assert.That(device.type, Is.EqualTo(DeviceType.CUDA));
            Assert.That(error.ToString(), Is.Empty);
        }
        else
        {
            Assert.That(device, Is.EqualTo(Device.CPU));
            Assert.That(error.ToString(), Does.Contain("warning: --device gpu but CUDA is not available"));
        }
        Assert.That(Seg.Cli.Commands.TrainRunner.ChooseDevice("cpu", error), Is.EqualTo(Device.CPU));
        Assert.That(Seg.Cli.Commands.TrainRunner.ChooseDevice("xpu", error), Is.EqualTo(Device.CPU));
        Assert.That(error.ToString(), Does.Contain("--device xpu is not supported"));
    }

    [Test]
    public void TrainsOnCamVidForTwoIterations()
    {
        var camvid = Path.GetFullPath(TestPaths.Camvid);
        var save = Path.Combine(dir, "camvid-out");
        var run = SegRun.Of("train", "--config", Path.Combine(TestPaths.RepoRoot, "configs", "pp_liteseg", "pp_liteseg_stdc1_camvid_480x360_10k.yml"),
            "--device", "cpu", "--save_dir", save, "--iters", "2", "--batch_size", "2", "--log_iters", "1", "--seed", "0",
            "--opts", $"train_dataset.dataset_root={camvid}", $"train_dataset.train_path={Path.Combine(camvid, "train_list.txt")}",
            "train_dataset.transforms=[{'type': 'RandomPaddingCrop', 'crop_size': [96, 64], 'label_padding_value': 11}, {'type': 'Normalize'}]",
            "model.backbone.pretrained=None", "loss.types=[{'type': 'OhemCrossEntropyLoss', 'min_kept': 100}]");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("iter: 2/2"));
        Assert.That(File.Exists(Path.Combine(save, "iter_2", "model.safetensors")), Is.True);
    }
}
