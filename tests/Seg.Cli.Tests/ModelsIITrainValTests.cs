namespace Seg.Cli.Tests;

// `seg train` then `seg val` end to end for PSPNet, DeepLabV3 and OCRNet from their CamVid configs, on a handful of
// real CamVid images at a small size (2 iterations, then 2 val images resized to 96x64 and scored at full size).
public class ModelsIITrainValTests
{
    private static readonly string Camvid = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "camvid"));

    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-models-ii-train-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [TestCase("pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml")]
    [TestCase("deeplabv3/deeplabv3_resnet50_os8_camvid_480x360_10k.yml")]
    [TestCase("ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml")]
    public void Trains_two_iterations_on_CamVid_then_evaluates_the_checkpoint(string relative)
    {
        if (!Directory.Exists(Camvid)) Assert.Ignore($"CamVid is not at {Camvid}");
        var config = Path.Combine(TestPaths.RepoRoot, "configs", relative);
        var train = Path.Combine(dir, "train.txt");
        var val = Path.Combine(dir, "val.txt");
        File.WriteAllLines(train, File.ReadLines(Path.Combine(Camvid, "train_list.txt")).Take(4));
        File.WriteAllLines(val, File.ReadLines(Path.Combine(Camvid, "val_list.txt")).Take(2));
        var save = Path.Combine(dir, "out");

        var run = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--iters", "2", "--batch_size", "2",
            "--log_iters", "1", "--seed", "0",
            "--opts", $"train_dataset.dataset_root={Camvid}", $"train_dataset.train_path={train}",
            "train_dataset.transforms=[{'type': 'RandomPaddingCrop', 'crop_size': [96, 64], 'label_padding_value': 11}, {'type': 'Normalize'}]");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("iter: 2/2"));
        var checkpoint = Path.Combine(save, "iter_2");
        Assert.That(File.Exists(Path.Combine(checkpoint, "model.safetensors")), Is.True);

        var eval = SegRun.Of("val", "--config", config, "--model_path", checkpoint, "--device", "cpu",
            "--opts", $"val_dataset.dataset_root={Camvid}", $"val_dataset.val_path={val}",
            "val_dataset.transforms=[{'type': 'Resize', 'target_size': [96, 64]}, {'type': 'Normalize'}]");
        Assert.That(eval.ExitCode, Is.EqualTo(0), eval.Error + eval.Output);
        Assert.That(eval.Output, Does.Contain("total_samples: 2"));
        Assert.That(eval.Output, Does.Contain("mIoU"));
    }
}
