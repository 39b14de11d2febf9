using Seg.Cli.Commands;

namespace Seg.Cli.Tests;

// seg cls train / cls val / pssl generate / pssl evaluate on a tiny demo source (24 images of 12 synsets), end to end.
[NonParallelizable]
public class PsslCommandTests
{
    private static readonly Lazy<string> Data = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "seg-pssl-cli-" + Guid.NewGuid().ToString("N"));
        var run = SegRun.Of("data", "make-demo", "--output", dir, "--size", "2", "--seg_train", "1", "--seg_val", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return dir;
    });

    private static string ImageRoot => Path.Combine(Data.Value, "pssl", "ImageNet_org");

    private static string Config => Path.Combine(TestPaths.RepoRoot, "configs", "quickstart", "cls_tiny_a_demo.yml");

    private static string[] Opts => ["--opts", $"train_dataset.dataset_root={ImageRoot}", $"val_dataset.dataset_root={ImageRoot}"];

    [OneTimeTearDown]
    public void Remove()
    {
        if (Data.IsValueCreated) Directory.Delete(Data.Value, recursive: true);
    }

    [Test]
    public void A_classifier_trains_evaluates_and_its_explanations_become_PSSL_that_is_measured_against_the_true_masks()
    {
        var runDir = Path.Combine(Data.Value, "cls");
        var train = SegRun.Of(["cls", "train", "--config", Config, "--save_dir", runDir, "--iters", "3", "--batch_size", "4", "--save_interval", "3", "--do_eval", "--device", "cpu", .. Opts]);
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Error + train.Output);
        Assert.That(train.Output, Does.Contain("[EVAL] #Images: 24 top-1: "));
        var weights = Path.Combine(runDir, "iter_3");
        Assert.That(File.Exists(Path.Combine(weights, "model.safetensors")), Is.True);

        var val = SegRun.Of(["cls", "val", "--config", Config, "--model_path", weights, "--device", "cpu", .. Opts]);
        Assert.That(val.ExitCode, Is.EqualTo(0), val.Error);
        Assert.That(val.Output, Does.Match(@"\[EVAL\] #Images: 24 top-1: 0\.\d{4} top-5: 0\.\d{4}"));

        var output = Path.Combine(Data.Value, "generated");
        var generate = SegRun.Of("pssl", "generate", "--classifiers", $"{Config},{weights}", "--image_root", ImageRoot, "--output", output,
            "--n_samples", "2", "--resize_to", "32", "--save_maps", "--device", "cpu", "--max_per_synset", "1");
        Assert.That(generate.ExitCode, Is.EqualTo(0), generate.Error + generate.Output);
        Assert.That(generate.Output, Does.Contain("[PSSL] wrote 12 masks"));
        Assert.That(generate.Output, Does.Contain("[PSSL] 12/12 images | ETA 00:00:00"), "the last plain progress line");
        Assert.That(File.ReadAllLines(Path.Combine(output, "train.txt")), Has.Length.EqualTo(12));
        Assert.That(Directory.GetFiles(Path.Combine(output, "maps"), "*.png", SearchOption.AllDirectories), Has.Length.EqualTo(12));

        var again = SegRun.Of("pssl", "generate", "--classifiers", $"{Config},{weights}", "--image_root", ImageRoot, "--output", output,
            "--n_samples", "2", "--resize_to", "32", "--device", "cpu");
        Assert.That(again.Output, Does.Contain("[PSSL] wrote 12 masks (12 already done, 0 failed)"), again.Error);

        var evaluate = SegRun.Of("pssl", "evaluate", "--pred", output, Path.Combine(Data.Value, "pssl", "pssl2.1_consensus"), "--names", "generated", "shipped",
            "--gt", Path.Combine(Data.Value, "pssl", "gt_masks"));
        Assert.That(evaluate.ExitCode, Is.EqualTo(0), evaluate.Error);
        Assert.That(evaluate.Output, Does.Contain("| generated | 24 | 0.").And.Contain("| shipped | 24 | 0."));
    }

    [Test]
    public void A_committee_member_whose_class_count_differs_from_the_synsets_is_refused_by_name()
    {
        var run = SegRun.Of("pssl", "generate", "--classifiers", Config, "--image_root", ImageRoot, "--output", Path.Combine(Data.Value, "never"),
            "--device", "cpu", "--synsets", WriteSynsets(5));
        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain(Config).And.Contain("12 classes").And.Contain("has 5"));
        Assert.That(Directory.Exists(Path.Combine(Data.Value, "never", "train")), Is.False);
    }

    [Test]
    public void Evaluate_without_a_generated_tree_says_so()
    {
        var run = SegRun.Of("pssl", "evaluate", "--pred", Data.Value, "--gt", Data.Value);
        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("train.txt"));
    }

    [Test]
    public void The_generate_plan_trains_three_classifiers_generates_four_ways_evaluates_then_pretrains_on_the_committees_labels()
    {
        var plan = QuickstartCommand.Plan("out/q", "data/d", new QuickstartSchedule(240, 120, 1), makeData: true);
        var stages = QuickstartGenerate.Extend(plan, "out/q", "data/d", 5);
        Assert.That(stages.Select(s => string.Join(' ', s.Args.Take(2))), Is.EqualTo(new[]
        {
            "data make-demo", "cls train", "cls train", "cls train", "pssl generate", "pssl generate", "pssl generate", "pssl generate", "pssl evaluate",
            "train --config", "train --config", "val --config", "train --config", "val --config",
        }));
        Assert.That(stages[4].Args, Does.Contain($"{QuickstartGenerate.Committee[2]},{Path.Combine("out/q", "cls", "cls_tiny_c_demo", "iter_5")}"));
        Assert.That(stages[9].Args, Does.Contain($"train_dataset.pssl_root={Path.Combine("out/q", "generated", "smoothgrad_ensemble")}"));
        Assert.That(stages[8].Args, Does.Contain(Path.Combine("data/d", "pssl", "gt_masks")));
    }

    private static string WriteSynsets(int count)
    {
        var path = Path.Combine(Data.Value, $"synsets{count}.txt");
        File.WriteAllLines(path, Directory.GetDirectories(Path.Combine(ImageRoot, "train")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).Take(count));
        return path;
    }
}
