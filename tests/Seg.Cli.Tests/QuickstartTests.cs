using System.Diagnostics;
using Seg.Cli.Commands;
using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Core.Losses;
using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Cli.Tests;

// `seg data make-demo`, the quickstart configs on its data, and the quickstart's plan of commands.
[NonParallelizable]
public class QuickstartTests
{
    private static readonly Lazy<string> Data = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "seg-quickstart-" + Guid.NewGuid().ToString("N"));
        var run = SegRun.Of("data", "make-demo", "--output", dir, "--size", "2", "--seg_train", "8", "--seg_val", "4");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return dir;
    });

    private static ComponentRegistry Registry => PluginsOption.LoadCatalog([], TextWriter.Null).Registry;

    private static string Config(string name) => Path.Combine(TestPaths.RepoRoot, "configs", "quickstart", name);

    private static string[] DataOpts(string config) => config.Contains("pssl", StringComparison.Ordinal)
        ?
        [
            $"train_dataset.imagenet_root={Data.Value}/pssl/ImageNet_org", $"train_dataset.pssl_root={Data.Value}/pssl/pssl2.1_consensus",
        ]
        :
        [
            $"train_dataset.dataset_root={Data.Value}/seg", $"train_dataset.train_path={Data.Value}/seg/train_list.txt",
            $"val_dataset.dataset_root={Data.Value}/seg", $"val_dataset.val_path={Data.Value}/seg/val_list.txt", "model.pretrained=None",
        ];

    private static SegConfig Load(string config) =>
        SegConfig.Load(Config(config), new ConfigOverrides { Opts = DataOpts(config) }, ConfigChecker.Default(new RegistryDatasetDefaults(Registry)));

    [OneTimeTearDown]
    public void Remove()
    {
        if (Data.IsValueCreated) Directory.Delete(Data.Value, recursive: true);
    }

    [Test]
    public void Make_demo_prints_what_it_wrote()
    {
        var dir = Path.Combine(Path.GetTempPath(), "seg-makedemo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = SegRun.Of("data", "make-demo", "--output", dir, "--size", "1", "--seg_train", "3", "--seg_val", "1", "--seed", "3");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Output, Does.Contain("wrote 12 PSSL images of 12 synsets").And.Contain("wrote 3 + 1 segmentation images"));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "pssl", "pssl2.1_consensus", "train.txt")), Has.Length.EqualTo(12));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "seg", "train_list.txt")), Has.Length.EqualTo(3));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Make_demo_refuses_an_empty_target_set()
    {
        var run = SegRun.Of("data", "make-demo", "--output", Path.Combine(Path.GetTempPath(), "seg-never-" + Guid.NewGuid().ToString("N")), "--seg_train", "0");
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Error, Does.Contain("--seg_train must be at least 1"));
    }

    [TestCase("pp_liteseg_stdc1_demo_pssl.yml", 13L)]
    [TestCase("pp_liteseg_stdc1_demo_seg.yml", 5L)]
    public void The_quickstart_configs_validate_on_the_demo_data(string name, long classes)
    {
        var opts = DataOpts(name).SelectMany(o => new[] { "--opts", o }).ToArray();
        var run = SegRun.Of(["config", "show", "--config", Config(name), "--validate", .. opts]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var config = Load(name);
        Assert.That(config.Model.Get("num_classes") is ConfigScalar { Value: var n } && Equals(n, classes), Is.True,
            "PSSL: 12 hue synsets + background; target: 4 hue groups + background");
    }

    [Test]
    public void Seg_train_pre_trains_on_the_pssl_demo_then_fine_tunes_from_it_and_val_evaluates()
    {
        var output = Path.Combine(Data.Value, "runs");
        static string[] Opts(IEnumerable<string> opts) => opts.SelectMany(o => new[] { "--opts", o }).ToArray();
        var pssl = Path.Combine(output, "pssl");
        var pre = SegRun.Of(["train", "--config", Config("pp_liteseg_stdc1_demo_pssl.yml"), "--save_dir", pssl, "--iters", "3",
            "--batch_size", "2", "--log_iters", "1", "--save_interval", "3", "--seed", "0", "--device", "cpu", .. Opts(DataOpts("pssl"))]);
        Assert.That(pre.ExitCode, Is.EqualTo(0), pre.Error + pre.Output);
        Assert.That(pre.Output, Does.Contain("[TRAIN] epoch: 1, iter: 3/3, loss: "));
        foreach (var file in new[] { "iter_3/model.safetensors", "iter_3/optimizer.safetensors", "iter_3/state.json", "resolved.yml", "train_log.jsonl" })
            Assert.That(File.Exists(Path.Combine(pssl, file)), Is.True, file);

        var seg = Path.Combine(output, "seg");
        var segOpts = DataOpts("seg").Where(o => !o.StartsWith("model.pretrained", StringComparison.Ordinal)).Append($"model.pretrained={pssl}/iter_3");
        var fine = SegRun.Of(["train", "--config", Config("pp_liteseg_stdc1_demo_seg.yml"), "--save_dir", seg, "--iters", "2", "--batch_size", "2",
            "--log_iters", "1", "--save_interval", "2", "--do_eval", "--seed", "0", "--device", "cpu", .. Opts(segOpts)]);
        Assert.That(fine.ExitCode, Is.EqualTo(0), fine.Error + fine.Output);
        Assert.That(fine.Output, Does.Contain($"Loading pretrained model from {pssl}/iter_3").And.Contain("loaded 247/250; skipped 3: seg_heads.0.conv_out.weight"));
        Assert.That(fine.Output, Does.Contain("[EVAL] #Images: 4 mIoU: "));
        Assert.That(File.Exists(Path.Combine(seg, "best_model", "model.safetensors")), Is.True);

        var val = SegRun.Of(["val", "--config", Config("pp_liteseg_stdc1_demo_seg.yml"), "--model_path", Path.Combine(seg, "iter_2"), .. Opts(DataOpts("seg"))]);
        Assert.That(val.ExitCode, Is.EqualTo(0), val.Error + val.Output);
        Assert.That(val.Output, Does.Contain("background").And.Contain("purple"), "class names from the demo's labels.txt");
        Assert.That(File.Exists(Path.Combine(seg, "iter_2", "metrics.json")), Is.True);
    }

    [TestCase("pp_liteseg_stdc1_demo_pssl.yml")]
    [TestCase("pp_liteseg_stdc1_demo_seg.yml")]
    public void A_few_SGD_steps_on_a_demo_batch_reduce_the_loss(string name)
    {
        var config = Load(name);
        var registry = Registry;
        var dataset = registry.Build<SegDataset>(config.TrainDataset!, ComponentKind.Dataset, "train_dataset");
        var loader = new DataLoader(dataset, new DataLoaderOptions { BatchSize = (int)config.BatchSize, Shuffle = true, DropLast = true, Seed = 0 });
        torch.manual_seed(0);
        using var model = registry.Build<SegModel>(config.Model, ComponentKind.Model, "model");
        var losses = LossSet.FromConfig(config.Loss!, registry);
        using var optimizer = torch.optim.SGD(model.parameters(), lr: 0.02, momentum: 0.9);
        using var batch = loader.Epoch(0).First();
        var crop = name.Contains("pssl", StringComparison.Ordinal) ? 64 : 96;
        Assert.That(batch.Images.shape, Is.EqualTo(new[] { config.BatchSize, 3, crop, crop }));
        model.train();

        var history = new List<float>();
        var clock = new Stopwatch();
        var cpu = TimeSpan.Zero;
        for (var step = 0; step < 6; step++)
        {
            if (step == 1)
            {
                clock.Start();
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
            }
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            using var labels = batch.Labels!.to(ScalarType.Int64);
            using var output = losses.Compute(model.forward(batch.Images), labels);
            output.Total.backward();
            optimizer.step();
            history.Add(output.Total.item<float>());
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        TestContext.Out.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds / 5:F0} ms per step ({cpu.TotalMilliseconds / 5:F0} ms CPU) (batch {config.BatchSize}, {crop}x{crop}); losses {string.Join(", ", history.Select(h => h.ToString("F3")))}");
        Assert.That(history.All(float.IsFinite), Is.True);
        Assert.That(history[^1], Is.LessThan(history[0] * 0.9f), string.Join(", ", history));
    }

    [Test]
    public void The_plan_pretrains_then_fine_tunes_each_start_per_seed_with_one_schedule_and_evaluates_each()
    {
        var plan = QuickstartCommand.Plan("out/q", "data/d", new QuickstartSchedule(240, 120, 2), makeData: true);
        Assert.That(plan.Select(s => s.Args[0]), Is.EqualTo(new[] { "data", "train", "train", "val", "train", "val", "train", "val", "train", "val" }));
        Assert.That(plan[1].Args, Does.Contain(QuickstartCommand.PsslConfig).And.Contain(Path.Combine("out/q", "pssl")));
        Assert.That(plan[1].Args, Does.Contain($"train_dataset.pssl_root={Path.Combine("data/d", "pssl", "pssl2.1_consensus")}"));
        var fineTunes = plan.Where(s => s.Args[0] == "train").Skip(1).ToList();
        Assert.That(fineTunes.Select(s => s.Args.Last(a => a.StartsWith("model.pretrained=", StringComparison.Ordinal))), Is.EqualTo(new[]
        {
            "model.pretrained=None", $"model.pretrained={Path.Combine("out/q", "pssl", "iter_240")}",
            "model.pretrained=None", $"model.pretrained={Path.Combine("out/q", "pssl", "iter_240")}",
        }));
        // Identical schedules: the fine-tunes differ only in the start, the seed and the folder.
        static string Schedule(QuickstartStage s) => string.Join(' ', s.Args.Where((a, i) => i == 0 || !(s.Args[i - 1] is "--save_dir" or "--seed") && !a.StartsWith("model.pretrained=", StringComparison.Ordinal)));
        Assert.That(fineTunes.Select(Schedule).Distinct().Count(), Is.EqualTo(1));
        Assert.That(fineTunes[0].Args, Does.Contain("--iters").And.Contain("120"));
        Assert.That(fineTunes.Select(s => s.Args[Array.IndexOf(s.Args, "--seed") + 1]), Is.EqualTo(new[] { "0", "0", "1", "1" }));
        var evaluations = plan.Where(s => s.Start is not null).ToList();
        Assert.That(evaluations.Select(s => (s.Start, s.Seed)), Is.EqualTo(new[]
        {
            (QuickstartCommand.Scratch, 0), (QuickstartCommand.Pssl, 0), (QuickstartCommand.Scratch, 1), (QuickstartCommand.Pssl, 1),
        }));
        Assert.That(evaluations[1].Args, Does.Contain(Path.Combine("out/q", "seg", "pssl", "seed0", "iter_120")));
        Assert.That(evaluations[1].MetricsFile, Is.EqualTo(Path.Combine("out/q", "seg", "pssl", "seed0", "iter_120", "metrics.json")));
        Assert.That(QuickstartCommand.Plan("o", "d", new QuickstartSchedule(1, 1, 1), makeData: false), Has.Count.EqualTo(5));
    }

    [Test]
    public void With_a_classifier_the_plan_trains_it_after_the_pssl_pre_training_and_fine_tunes_a_third_start_from_it()
    {
        var plan = QuickstartCommand.Plan("out/q", "data/d", new QuickstartSchedule(240, 120, 2) { ClassifierIters = 30 }, makeData: false);
        Assert.That(plan.Select(s => s.Args[0]), Is.EqualTo(new[] { "train", "cls", "train", "val", "train", "val", "train", "val", "train", "val", "train", "val", "train", "val" }));
        Assert.That(plan[1].Args, Does.Contain(QuickstartCommand.ClassifierConfig).And.Contain(Path.Combine("out/q", "cls")).And.Contain("30")
            .And.Contain($"train_dataset.dataset_root={Path.Combine("data/d", "pssl", "ImageNet_org")}"));
        var evaluations = plan.Where(s => s.Start is not null).ToList();
        Assert.That(evaluations.Select(s => s.Start).Distinct(), Is.EqualTo(new[] { QuickstartCommand.Scratch, QuickstartCommand.Pssl, QuickstartCommand.Classification }));
        var third = plan.Where(s => s.Args[0] == "train").Skip(1).Where((_, i) => i % 3 == 2).ToList();
        Assert.That(third.Select(s => s.Args.Last(a => a.StartsWith("model.pretrained=", StringComparison.Ordinal))).Distinct(),
            Is.EqualTo(new[] { $"model.pretrained={Path.Combine("out/q", "cls", "iter_30")}" }));
        Assert.That(third[1].Args, Does.Contain(Path.Combine("out/q", "seg", "classification", "seed1")));
    }

    [Test]
    public void Quick_quickstart_runs_every_stage_and_ends_with_the_table()
    {
        var previous = Environment.CurrentDirectory;
        var output = Path.Combine(Data.Value, "quick");
        try
        {
            Environment.CurrentDirectory = TestPaths.RepoRoot;
            var run = SegRun.Of("quickstart", "--quick", "--data", Data.Value, "--output", output, "--pssl_iters", "2", "--iters", "2", "--batch_size", "2");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
            Assert.That(run.Output, Does.Contain("==== quickstart 5/5"));
            var table = run.Output[run.Output.IndexOf("==== quickstart done", StringComparison.Ordinal)..].Split('\n');
            var miou = new List<double>();
            foreach (var (start, folder) in new[] { (QuickstartCommand.Scratch, "scratch"), (QuickstartCommand.Pssl, "pssl") })
            {
                var row = table.Single(l => l.StartsWith(start + " ", StringComparison.Ordinal));
                using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "seg", folder, "seed0", "iter_2", "metrics.json")));
                var value = json.RootElement.GetProperty("miou").GetDouble();
                miou.Add(value);
                Assert.That(row, Does.Contain($" 1  {value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)} "), "the row reports the measured mIoU");
            }
            Assert.That(table.Any(l => l.StartsWith(QuickstartCommand.Classification, StringComparison.Ordinal) && l.EndsWith(QuickstartCommand.ClassificationNotRun, StringComparison.Ordinal)), Is.True);
            Assert.That(table.Any(l => l.Contains("one seed: no spread measured", StringComparison.Ordinal)), Is.True, run.Output);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    public void With_classification_the_quickstart_loads_the_classifier_backbone_and_reports_the_third_start()
    {
        var previous = Environment.CurrentDirectory;
        var output = Path.Combine(Data.Value, "quick-cls");
        try
        {
            Environment.CurrentDirectory = TestPaths.RepoRoot;
            var run = SegRun.Of("quickstart", "--quick", "--classification", "--data", Data.Value, "--output", output,
                "--pssl_iters", "2", "--iters", "2", "--cls_iters", "2", "--batch_size", "2");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
            Assert.That(run.Output, Does.Contain("==== quickstart 8/8"));
            // Every backbone entry comes from the classifier (its fc and PP-LiteSeg's heads are not shared).
            var classifier = Path.Combine(output, "cls", "iter_2");
            var load = System.Text.RegularExpressions.Regex.Match(run.Output,
                "Loading pretrained model from " + System.Text.RegularExpressions.Regex.Escape(classifier) + @"\s+loaded (\d+)/(\d+)");
            Assert.That(load.Success, Is.True, run.Output);
            int backboneEntries;
            using (var weights = Seg.Core.Weights.WeightsLoader.Load(classifier))
                backboneEntries = weights.Tensors.Count(t => t.Key.StartsWith("backbone.", StringComparison.Ordinal));
            Assert.That(backboneEntries, Is.GreaterThan(0));
            Assert.That(int.Parse(load.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(backboneEntries), load.Value);
            Assert.That(int.Parse(load.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(int.Parse(load.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
            var table = run.Output[run.Output.IndexOf("==== quickstart done", StringComparison.Ordinal)..].Split('\n');
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "seg", "classification", "seed0", "iter_2", "metrics.json")));
            var row = table.Single(l => l.StartsWith(QuickstartCommand.Classification + " ", StringComparison.Ordinal));
            Assert.That(row, Does.Contain($" 1  {json.RootElement.GetProperty("miou").GetDouble().ToString("F4", System.Globalization.CultureInfo.InvariantCulture)} "));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    // Without data the quickstart makes it first, before it reads the configs (PSSLDataset's class count comes from the
    // data's synsets file, so checking the PSSL config earlier fails).
    [Test]
    public void Quickstart_without_data_makes_it_before_reading_the_configs()
    {
        var previous = Environment.CurrentDirectory;
        var root = Directory.CreateTempSubdirectory("seg-quickstart-fresh-").FullName;
        try
        {
            Environment.CurrentDirectory = TestPaths.RepoRoot;
            var data = Path.Combine(root, "data");
            var run = SegRun.Of("quickstart", "--quick", "--data", data, "--output", Path.Combine(root, "out"), "--pssl_iters", "1", "--iters", "1", "--batch_size", "2");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
            Assert.That(run.Output, Does.Contain("==== quickstart data (").And.Contain("==== quickstart 6/6"));
            Assert.That(File.Exists(Path.Combine(data, "pssl", Seg.Pssl.Demo.DemoData.PsslFolder, Seg.Pssl.PSSLDataset.SynsetsFileName)), Is.True);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void The_table_gives_mean_and_spread_per_start_and_judges_the_gain_against_the_seed_ranges()
    {
        var comparison = new StartComparison();
        foreach (var (s, p) in new[] { (0.50, 0.70), (0.54, 0.72), (0.52, 0.74) })
        {
            comparison.Add(QuickstartCommand.Scratch, s);
            comparison.Add(QuickstartCommand.Pssl, p);
        }
        var table = comparison.Table(QuickstartCommand.Scratch, QuickstartCommand.Pssl, [(QuickstartCommand.Classification, "why")]);
        Assert.That(table[1], Does.StartWith(QuickstartCommand.Scratch).And.Contain("0.5000 0.5400 0.5200").And.Contain("0.5200 ± 0.0200 (0.0400)"));
        Assert.That(table[2], Does.StartWith(QuickstartCommand.Pssl).And.EndWith("0.7200 ± 0.0200 (0.0400)"));
        Assert.That(table[3], Does.StartWith(QuickstartCommand.Classification).And.EndWith("not run: why"));
        Assert.That(table[4], Does.Contain("+0.2000 mIoU").And.EndWith("larger than the seed spread"));

        var close = new StartComparison();
        foreach (var (s, p) in new[] { (0.50, 0.49), (0.56, 0.55), (0.53, 0.56) })
        {
            close.Add(QuickstartCommand.Scratch, s);
            close.Add(QuickstartCommand.Pssl, p);
        }
        Assert.That(close.Table(QuickstartCommand.Scratch, QuickstartCommand.Pssl, [])[^1], Does.Contain("+0.0033 mIoU (largest seed range 0.0700)").And.EndWith("within the seed spread: no measured difference"));
        Assert.That(StartComparison.Spread([0.3]), Is.EqualTo(0));
    }

    [Test]
    public void Quickstart_outside_a_checkout_says_where_to_run_it()
    {
        var previous = Environment.CurrentDirectory;
        var empty = Directory.CreateTempSubdirectory("seg-empty-");
        try
        {
            Environment.CurrentDirectory = empty.FullName;
            var run = SegRun.Of("quickstart");
            Assert.That(run.ExitCode, Is.Not.EqualTo(0));
            Assert.That(run.Error, Does.Contain("configs/quickstart/pp_liteseg_stdc1_demo_pssl.yml not found"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            empty.Delete(recursive: true);
        }
    }
}
