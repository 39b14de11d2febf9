using System.Text.Json;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Cli.Tests;

// `seg train --use_vdl`, the end-of-run curves.png / confusion matrix / report.html, `seg plot` and `seg val --report`
// on TinyData with a val_dataset (two iterations, one evaluation).
[Category(TestCategories.Slow)]
public class RunVisualsTests
{
    private string dir = null!;
    private string config = null!;
    private string saveDir = null!;
    private SegRun train = null!;

    [OneTimeSetUp]
    public void TrainOnce()
    {
        dir = Directory.CreateTempSubdirectory("seg-visuals-").FullName;
        var tiny = File.ReadAllText(TinyData.Config(dir));
        config = MinimalConfig.Write(dir, "tiny_val.yml", tiny + $"""

            val_dataset:
              type: Dataset
              dataset_root: {dir}
              val_path: {Path.Combine(dir, "train.txt")}
              num_classes: 2
              mode: val
              transforms:
                - type: Normalize
            """);
        saveDir = Path.Combine(dir, "out");
        train = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", saveDir, "--do_eval", "--use_vdl",
            "--log_iters", "1", "--save_interval", "2", "--seed", "3");
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Use_vdl_writes_every_logged_value_to_TensorBoard()
    {
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Error);
        var files = Directory.GetFiles(Path.Combine(saveDir, "vdl_log"), "events.out.tfevents.*");
        Assert.That(files, Has.Length.EqualTo(1));
        var events = ReadEvents(files[0]);
        var scalars = (from e in events
                       where e.TryGetProperty("values", out _)
                       from v in e.GetProperty("values").EnumerateArray()
                       where v.TryGetProperty("simple_value", out _)
                       select (Tag: v.GetProperty("tag").GetString()!, Step: e.GetProperty("step").GetInt64(), Value: v.GetProperty("simple_value").GetDouble())).ToList();

        // Every [TRAIN] and eval value of train_log.jsonl, as float32.
        var expected = new List<(string, long, double)>();
        foreach (var line in File.ReadAllLines(Path.Combine(saveDir, "train_log.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            var step = o.GetProperty("iter").GetInt64();
            double F(string name) => (float)o.GetProperty(name).GetDouble();
            if (o.GetProperty("type").GetString() == "train")
            {
                expected.Add(("Train/loss", step, F("loss")));
                foreach (var term in o.GetProperty("losses").EnumerateObject()) expected.Add(($"Train/{term.Name}", step, (float)term.Value.GetDouble()));
                expected.AddRange([("Train/lr", step, F("lr")), ("Train/batch_cost", step, F("batch_cost")), ("Train/reader_cost", step, F("reader_cost")), ("Train/ips", step, F("ips"))]);
            }
            else
            {
                expected.AddRange([("Evaluate/mIoU", step, F("miou")), ("Evaluate/Acc", step, F("acc")), ("Evaluate/Kappa", step, F("kappa")), ("Evaluate/Dice", step, F("dice"))]);
                var classIoU = o.GetProperty("class_iou").EnumerateArray().ToList();
                for (var c = 0; c < classIoU.Count; c++) expected.Add(($"Evaluate/IoU/{c}", step, (float)classIoU[c].GetDouble()));
            }
        }
        Assert.That(expected.Count(e => e.Item1 == "Train/loss"), Is.EqualTo(2));
        Assert.That(expected.Count(e => e.Item1 == "Evaluate/mIoU"), Is.EqualTo(1));
        Assert.That(scalars, Is.EqualTo(expected));

        // Validation images: image | prediction | label of the 32x32 val images, as RGB PNGs of the size they state.
        var images = (from e in events
                      where e.TryGetProperty("values", out _)
                      from v in e.GetProperty("values").EnumerateArray()
                      where v.TryGetProperty("image", out _)
                      select (Tag: v.GetProperty("tag").GetString()!, Step: e.GetProperty("step").GetInt64(), Image: v.GetProperty("image"))).ToList();
        Assert.That(images.Select(i => i.Tag), Is.EqualTo(new[] { "Evaluate/sample_0", "Evaluate/sample_1", "Evaluate/sample_2", "Evaluate/sample_3" }));
        foreach (var (_, step, image) in images)
        {
            Assert.That(step, Is.EqualTo(2));
            Assert.That((image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32(), image.GetProperty("colorspace").GetInt32()), Is.EqualTo((96, 32, 3)));
            using var scope = torch.NewDisposeScope();
            var decoded = ImageIO.decode_image(Convert.FromBase64String(image.GetProperty("png").GetString()!));
            Assert.That(decoded.shape, Is.EqualTo(new long[] { 32, 96, 3 }));
        }
    }

    [Test]
    public void The_run_ends_with_curves_confusion_matrix_and_report()
    {
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Error);
        foreach (var name in new[] { "curves.png", "confusion_matrix.png", "confusion_matrix.csv", "report.html" })
            Assert.That(File.Exists(Path.Combine(saveDir, name)), Is.True, name);
        Assert.That(train.Output, Does.Contain("Run report: ").And.Contain("report.html").And.Contain("tensorboard --logdir"));
        var html = File.ReadAllText(Path.Combine(saveDir, "report.html"));
        Assert.That(html, Does.Contain("<table id=\"per-class\">").And.Contain("Evaluation at iter 2").And.Contain("id=\"samples\"").And.Contain("type: PPLiteSeg"));
    }

    [Test]
    public void Seg_plot_redraws_the_pngs_of_a_run_folder()
    {
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Error);
        var curves = Path.Combine(saveDir, "curves.png");
        File.Delete(curves);
        var plot = SegRun.Of("plot", saveDir);
        Assert.That(plot.ExitCode, Is.EqualTo(0), plot.Error);
        Assert.That(plot.Output, Does.Contain($"Saved {curves}").And.Contain("confusion_matrix.png"));
        using var scope = torch.NewDisposeScope();
        Assert.That(ImageIO.read_image(curves).shape, Is.EqualTo(new long[] { 900, 1000, 3 }));

        var empty = Directory.CreateDirectory(Path.Combine(dir, "empty")).FullName;
        var none = SegRun.Of("plot", empty);
        Assert.That(none.ExitCode, Is.EqualTo(1));
        Assert.That(none.Error.Trim(), Does.StartWith("seg plot: error: ").And.Contain("train_log.jsonl").And.Not.Contain("\n"));
        var missing = SegRun.Of("plot", Path.Combine(dir, "nope"));
        Assert.That(missing.ExitCode, Is.EqualTo(1));
        Assert.That(missing.Error, Does.Contain("is not a folder"));
    }

    [Test]
    public void Seg_val_report_writes_a_report_for_one_evaluation()
    {
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Error);
        var valDir = Path.Combine(dir, "val");
        var val = SegRun.Of("val", "--config", config, "--device", "cpu", "--model_path", Path.Combine(saveDir, "iter_2"), "--save_dir", valDir, "--report");
        Assert.That(val.ExitCode, Is.EqualTo(0), val.Error);
        var html = File.ReadAllText(Path.Combine(valDir, "report.html"));
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(valDir, "metrics.json")));
        var miou = metrics.RootElement.GetProperty("miou").GetDouble();
        Assert.That(html, Does.Contain("<table id=\"per-class\">").And.Contain(miou.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(html, Does.Contain("id=\"confusion-matrix\"").And.Contain("id=\"samples\"").And.Contain("evaluation wall time"));
        Assert.That(File.Exists(Path.Combine(valDir, "confusion_matrix.png")), Is.True);
    }

    [Test]
    public void An_unwritable_log_dir_stops_before_training_and_keeps_earlier_results()
    {
        var run = Path.Combine(dir, "blocked");
        var earlier = Path.Combine(run, "iter_5");
        Directory.CreateDirectory(earlier);
        File.WriteAllText(Path.Combine(earlier, "state.json"), "{\"iteration\": 5}");
        File.WriteAllText(Path.Combine(run, "train_log.jsonl"), "{\"type\":\"train\",\"iter\":5}\n");
        var blocker = Path.Combine(dir, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var logDir = Path.Combine(blocker, "tb");

        var result = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", run, "--use_vdl", "--log_dir", logDir, "--iters", "1");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.Error);
        Assert.That(lines[0], Does.StartWith("seg train: error: --use_vdl: cannot write TensorBoard logs to '" + logDir + "'").And.Contain("--log_dir"));
        Assert.That(File.ReadAllText(Path.Combine(earlier, "state.json")), Is.EqualTo("{\"iteration\": 5}"));
        Assert.That(File.ReadAllText(Path.Combine(run, "train_log.jsonl")), Is.EqualTo("{\"type\":\"train\",\"iter\":5}\n"));
        Assert.That(Directory.GetDirectories(run).Select(Path.GetFileName), Is.EqualTo(new[] { "iter_5" }), "nothing was trained");
    }

    private static List<JsonElement> ReadEvents(string eventFile)
    {
        var script = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "tensorboard", "read_events.py"));
        var json = PythonOracle.Run(script, eventFile, Path.Combine(TestPaths.RepoRoot, "src", "Seg.Reports", "TensorBoard", "proto"));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
