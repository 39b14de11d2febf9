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
        var run = SegRun.Of("data", "make-demo", "--output", dir, "--size", "4");
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
            var run = SegRun.Of("data", "make-demo", "--output", dir, "--size", "1", "--seed", "3");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Output, Does.Contain("wrote 5 PSSL images of 5 classes").And.Contain("wrote 3 + 1 segmentation images"));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "pssl", "pssl2.1_consensus", "train.txt")), Has.Length.EqualTo(5));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "seg", "train_list.txt")), Has.Length.EqualTo(3));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase("pp_liteseg_stdc1_demo_pssl.yml")]
    [TestCase("pp_liteseg_stdc1_demo_seg.yml")]
    public void The_quickstart_configs_validate_on_the_demo_data(string name)
    {
        var opts = DataOpts(name).SelectMany(o => new[] { "--opts", o }).ToArray();
        var run = SegRun.Of(["config", "show", "--config", Config(name), "--validate", .. opts]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var config = Load(name);
        Assert.That(config.Model.Get("num_classes") is ConfigScalar { Value: 6L }, Is.True, "5 demo classes + background");
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
        Assert.That(fine.Output, Does.Contain($"Loading pretrained model from {pssl}/iter_3").And.Contain("loaded 250/250"));
        Assert.That(fine.Output, Does.Contain("[EVAL] #Images: 4 mIoU: "));
        Assert.That(File.Exists(Path.Combine(seg, "best_model", "model.safetensors")), Is.True);

        var val = SegRun.Of(["val", "--config", Config("pp_liteseg_stdc1_demo_seg.yml"), "--model_path", Path.Combine(seg, "iter_2"), .. Opts(DataOpts("seg"))]);
        Assert.That(val.ExitCode, Is.EqualTo(0), val.Error + val.Output);
        Assert.That(val.Output, Does.Contain("background").And.Contain("triangle"), "class names from the demo's labels.txt");
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
        Assert.That(batch.Images.shape, Is.EqualTo(new[] { config.BatchSize, 3, 96, 96 }));
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
        TestContext.Out.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds / 5:F0} ms per step ({cpu.TotalMilliseconds / 5:F0} ms CPU) (batch {config.BatchSize}, 96x96); losses {string.Join(", ", history.Select(h => h.ToString("F3")))}");
        Assert.That(history.All(float.IsFinite), Is.True);
        Assert.That(history[^1], Is.LessThan(history[0] * 0.9f), string.Join(", ", history));
    }

    [Test]
    public void The_plan_generates_data_pretrains_fine_tunes_from_the_last_pssl_checkpoint_and_evaluates()
    {
        var plan = QuickstartCommand.Plan("out/q", "data/d", 240, 120, makeData: true);
        Assert.That(plan.Select(s => string.Join(' ', s.Args.Take(2))), Is.EqualTo(new[] { "data make-demo", "train --config", "train --config", "val --config" }));
        Assert.That(plan[1].Args, Does.Contain(QuickstartCommand.PsslConfig).And.Contain(Path.Combine("out/q", "pssl")));
        Assert.That(plan[1].Args, Does.Contain($"train_dataset.pssl_root={Path.Combine("data/d", "pssl", "pssl2.1_consensus")}"));
        Assert.That(plan[2].Args, Does.Contain("--do_eval").And.Contain($"model.pretrained={Path.Combine("out/q", "pssl", "iter_240")}"));
        Assert.That(plan[3].Args, Does.Contain("--model_path").And.Contain(Path.Combine("out/q", "seg", "iter_120")));
        Assert.That(QuickstartCommand.Plan("o", "d", 1, 1, makeData: false), Has.Count.EqualTo(3));
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
