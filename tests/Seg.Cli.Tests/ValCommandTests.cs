using Seg.Core.Building;
using System.Text.Json;
using Seg.Core.Config;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;
using Seg.Models.Segmentation;
using Seg.Torch;

namespace Seg.Cli.Tests;

// `seg val` end to end: PP-LiteSeg-T from the CamVid config on three real CamVid val images, with a checkpoint made here.
[Category(TestCategories.NeedsShared)]
public class ValCommandTests
{
    private static readonly string Camvid = Path.GetFullPath(TestPaths.Camvid);
    private static readonly string[] Images = ["val/0016E5_07959.png", "val/0016E5_07961.png", "val/0016E5_07963.png"];

    private static string Config => Path.Combine(TestPaths.RepoRoot, "configs", "pp_liteseg", "pp_liteseg_stdc1_camvid_480x360_10k.yml");

    private string dir = null!;
    private string model = null!;
    private string list = null!;

    [OneTimeSetUp]
    public void MakeCheckpoint()
    {
        dir = Directory.CreateTempSubdirectory("seg-val-").FullName;
        list = Path.Combine(dir, "val.txt");
        File.WriteAllLines(list, Images.Select(i => $"{i} {i.Replace("val/", "valannot/", StringComparison.Ordinal)}"));
        var registry = new ComponentRegistry();
        registry.RegisterAssembly(typeof(PPLiteSeg).Assembly);
        registry.RegisterAssembly(typeof(SegDataset).Assembly);
        var config = ConfigLoader.Load(Config, new ConfigOverrides { Opts = ["model.backbone.pretrained=None"] }, registry);
        torch.manual_seed(0);
        using var net = SegModelFactory.Build(config, registry);
        model = Path.Combine(dir, "ckpt", "model.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        net.save(model);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        if (dir != null) Directory.Delete(dir, recursive: true);
    }

    private SegRun? plain;

    // The run without augmentation, shared: it writes into the checkpoint folder (the default place).
    private SegRun Plain => plain ??= Val("--confusion_matrix");

    private string CheckpointDir => Path.GetDirectoryName(model)!;

    private SegRun Val(params string[] extra) => SegRun.Of(
    [
        "val", "--config", Config, "--model_path", model, "--device", "cpu",
        "--opts", "model.backbone.pretrained=None", $"val_dataset.dataset_root={Camvid}", $"val_dataset.val_path={list}", .. extra,
    ]);

    [Test]
    public void Prints_the_table_and_summary_and_writes_metrics_json_and_the_confusion_matrix()
    {
        var outDir = CheckpointDir;
        var run = Plain;
        TestContext.Out.WriteLine(run.Output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("Start evaluating (total_samples: 3, total_iters: 3)..."));
        Assert.That(run.Output, Does.Match(@"\[EVAL\] 3/3 images \| ETA \d{2}:\d{2}:\d{2}"), "redirected output gets the plain progress lines");
        Assert.That(run.Output, Does.Contain("| Class | IoU").Or.Contain("Class |"));
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")));
        var m = metrics.RootElement;
        var classes = m.GetProperty("classes").EnumerateArray().ToList();
        Assert.That(m.GetProperty("images").GetInt32(), Is.EqualTo(3));
        Assert.That(classes, Has.Count.EqualTo(11));
        Assert.That(m.GetProperty("miou").GetDouble(), Is.EqualTo(classes.Average(c => c.GetProperty("iou").GetDouble())).Within(1e-12));
        var summary = FormattableString.Invariant(
            $"[EVAL] #Images: 3 mIoU: {m.GetProperty("miou").GetDouble():F4} Acc: {m.GetProperty("acc").GetDouble():F4} Kappa: {m.GetProperty("kappa").GetDouble():F4} Dice: {m.GetProperty("dice").GetDouble():F4}");
        Assert.That(run.Output, Does.Contain(summary));
        foreach (var c in classes)
            Assert.That(run.Output, Does.Contain(FormattableString.Invariant($"{c.GetProperty("iou").GetDouble():F4}")));

        // The matrix's row sums are the label histograms of the three label files (class 11 = ignore left out).
        var rows = File.ReadAllLines(Path.Combine(outDir, "confusion_matrix.csv"));
        // Columns are named from the dataset's labels.txt when it has one (CamVid's names), class ids otherwise.
        var labels = Path.Combine(Camvid, "labels.txt");
        var names = File.Exists(labels) ? File.ReadAllLines(labels).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList()
            : Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(rows[0], Is.EqualTo("label\\pred," + string.Join(',', names)));
        var rowSums = rows.Skip(1).Select(r => r.Split(',').Skip(1).Sum(long.Parse)).ToArray();
        Assert.That(rowSums, Is.EqualTo(LabelHistogram()));
        var total = rows.Skip(1).Select(r => r.Split(',').Skip(1).Select(long.Parse).ToArray()).ToArray();
        var acc = (double)Enumerable.Range(0, 11).Sum(i => total[i][i]) / total.Sum(r => r.Sum());
        Assert.That(m.GetProperty("acc").GetDouble(), Is.EqualTo(acc).Within(1e-12));

        // The heat map beside it (ScottPlot, class names on both axes): a square of Side(11) pixels.
        var png = File.ReadAllBytes(Path.Combine(outDir, "confusion_matrix.png"));
        var side = Seg.Reports.Plots.ConfusionMatrixPlot.Side(11);
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(side), "PNG width");
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(side), "PNG height");
        Assert.That(run.Output, Does.Contain("Confusion matrix heat map saved to"));
    }

    [Test]
    public void Flip_and_multi_scale_change_the_predictions_and_are_recorded()
    {
        var outDir = Path.Combine(dir, "aug");
        var plainDir = CheckpointDir;
        var plain = Plain;
        var aug = Val("--save_dir", outDir, "--confusion_matrix", "--aug_eval", "--flip_horizontal", "--scales", "0.75", "1.0");

        Assert.That(plain.ExitCode, Is.EqualTo(0), plain.Error);
        Assert.That(aug.ExitCode, Is.EqualTo(0), aug.Error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")));
        var t = metrics.RootElement.GetProperty("test_config");
        Assert.That(t.GetProperty("aug_eval").GetBoolean(), Is.True);
        Assert.That(File.Exists(Path.Combine(outDir, "metrics.json")) && File.Exists(Path.Combine(outDir, "confusion_matrix.csv")), Is.True);
        Assert.That(t.GetProperty("flip_horizontal").GetBoolean(), Is.True);
        Assert.That(t.GetProperty("scales").EnumerateArray().Select(s => s.GetDouble()), Is.EqualTo(new[] { 0.75, 1.0 }));
        Assert.That(aug.Output, Does.Contain("[EVAL] #Images: 3 mIoU: "));
        var augCsv = File.ReadAllText(Path.Combine(outDir, "confusion_matrix.csv"));
        var plainCsv = File.ReadAllText(Path.Combine(plainDir, "confusion_matrix.csv"));
        Assert.That(augCsv, Is.Not.EqualTo(plainCsv), "averaging four passes changes some predictions");
        Assert.That(augCsv.Split('\n').Skip(1).Where(r => r.Length > 0).Select(r => r.Split(',').Skip(1).Sum(long.Parse)), Is.EqualTo(LabelHistogram()));
    }

    [Test]
    public void Aug_legacy_evaluates_as_paddleseg_v27_and_is_recorded()
    {
        var v28Dir = Path.Combine(dir, "aug-v28");
        var v27Dir = Path.Combine(dir, "aug-v27");
        string[] aug = ["--confusion_matrix", "--aug_eval", "--scales", "0.75", "1.0", "1.25"];

        var v28 = Val(["--save_dir", v28Dir, .. aug]);
        var v27 = Val(["--save_dir", v27Dir, "--aug_legacy", .. aug]);

        Assert.That(v28.ExitCode, Is.EqualTo(0), v28.Error);
        Assert.That(v27.ExitCode, Is.EqualTo(0), v27.Error);
        using var m28 = JsonDocument.Parse(File.ReadAllText(Path.Combine(v28Dir, "metrics.json")));
        using var m27 = JsonDocument.Parse(File.ReadAllText(Path.Combine(v27Dir, "metrics.json")));
        Assert.That(m28.RootElement.GetProperty("test_config").GetProperty("aug_legacy").GetBoolean(), Is.False);
        Assert.That(m27.RootElement.GetProperty("test_config").GetProperty("aug_legacy").GetBoolean(), Is.True);
        var csv27 = File.ReadAllText(Path.Combine(v27Dir, "confusion_matrix.csv"));
        Assert.That(csv27, Is.Not.EqualTo(File.ReadAllText(Path.Combine(v28Dir, "confusion_matrix.csv"))), "chained resizes and summed softmax change some predictions");
        Assert.That(csv27.Split('\n').Skip(1).Where(r => r.Length > 0).Select(r => r.Split(',').Skip(1).Sum(long.Parse)), Is.EqualTo(LabelHistogram()));
    }

    [Test]
    public void A_missing_model_file_or_val_dataset_is_a_clear_error()
    {
        var missing = SegRun.Of("val", "--config", Config, "--model_path", Path.Combine(dir, "nope.safetensors"));
        var noVal = SegRun.Of("val", "--config", Config, "--model_path", model, "--opts", "model.backbone.pretrained=None", "val_dataset=None");

        Assert.That(missing.ExitCode, Is.EqualTo(1));
        Assert.That(missing.Error, Does.Contain("--model_path: '" + Path.Combine(dir, "nope.safetensors") + "' does not exist"));
        Assert.That(noVal.ExitCode, Is.EqualTo(1), noVal.Error);
        Assert.That(noVal.Error, Does.Contain("has no val_dataset"));
    }

    // Issue 12, case 1: weights that do not fit the config are refused, not evaluated as a partly random network.
    [Test]
    public void Weights_of_another_architecture_or_an_optimizer_file_are_refused_naming_the_keys()
    {
        var stdc2 = Val("--opts", "model.backbone.type=STDC2");
        var optimizerFile = Path.Combine(dir, "optimizer.safetensors");
        SafeTensors.Save(optimizerFile, [new("0.momentum_buffer", torch.zeros(2))]);
        var optimizer = SegRun.Of("val", "--config", Config, "--model_path", optimizerFile, "--device", "cpu", "--opts", "model.backbone.pretrained=None",
            $"val_dataset.dataset_root={Camvid}", $"val_dataset.val_path={list}");

        Assert.That(stdc2.ExitCode, Is.EqualTo(1), stdc2.Output);
        Assert.That(stdc2.Error, Does.Contain("seg val: error: --model_path: '" + model + "' does not fit PPLiteSeg").And.Contain("missing (backbone."));
        Assert.That(stdc2.Output, Does.Not.Contain("Loaded trained params").And.Not.Contain("mIoU"));
        Assert.That(optimizer.ExitCode, Is.EqualTo(1));
        Assert.That(optimizer.Error, Does.Contain("holds none of the").And.Contain("optimizer.safetensors?"));
    }

    private static long[] LabelHistogram()
    {
        var counts = new long[11];
        foreach (var image in Images)
        {
            using var label = LabelReader.Read(Path.Combine(Camvid, image.Replace("val/", "valannot/", StringComparison.Ordinal)));
            foreach (var v in label.to(ScalarType.Int64).data<long>())
                if (v < 11) counts[v]++;
        }
        return counts;
    }
}
