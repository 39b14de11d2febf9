using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Seg.Core.Config;
using Seg.Core.Registry;
using Seg.Core.Evaluation;
using Seg.Pssl;
using Seg.Pssl.Demo;

namespace Seg.Cli.Commands;

// `seg quickstart [--output output/quickstart] [--data data/demo] [--quick] [--seeds N] [--pssl_iters N] [--iters N]`:
// PSSL's story on generated data, through the command tree, measured: make the demo data (if missing), pre-train
// PP-LiteSeg-T on the PSSL source, then fine-tune on the few labelled target images from scratch and from the PSSL
// checkpoint with one schedule, per seed, evaluate each, and end with a table of mIoU mean ± spread per start.
internal static class QuickstartCommand
{
    internal const string PsslConfig = "configs/quickstart/pp_liteseg_stdc1_demo_pssl.yml";
    internal const string SegConfig = "configs/quickstart/pp_liteseg_stdc1_demo_seg.yml";
    internal const string Scratch = "from scratch";
    internal const string Pssl = "from PSSL pre-training";
    internal const string Classification = "from a classification-pretrained backbone";
    internal const int DefaultSeeds = 3;

    /// <summary>The paper's baseline start: PP-LiteSeg-T's own backbone (STDC1) trained to classify the source's synsets.</summary>
    internal const string ClassifierConfig = "configs/quickstart/cls_stdc1_demo.yml";
    internal const string ClassificationNotRun = "pass --classification to train the classifier and fine-tune from it (a few more minutes)";

    internal static Command Create()
    {
        var output = CliOptions.Text("--output", Path.Combine("output", "quickstart"), "Where the runs go (pssl/ and seg/ inside)");
        var data = CliOptions.Text("--data", Path.Combine("data", "demo"), "The demo data folder (generated with `seg data make-demo` when missing)");
        var quick = CliOptions.Flag("--quick", "One fine-tuning seed instead of 3");
        var seeds = CliOptions.Int("--seeds", "Fine-tuning seeds per start (default 3, 1 with --quick)");
        var psslIters = CliOptions.Int("--pssl_iters", "Override the PSSL config's iters");
        var iters = CliOptions.Int("--iters", "Override the fine-tuning config's iters (every start gets the same)");
        var batchSize = CliOptions.Int("--batch_size", "Override both configs' batch_size");
        var generate = CliOptions.Flag("--generate", "Make the PSSL labels first: train 3 tiny classifiers on the source's image-level labels, generate and evaluate PSSL, pre-train on it");
        var clsIters = CliOptions.Int("--cls_iters", "With --generate or --classification: override the classifiers' iters");
        var classification = CliOptions.Flag("--classification", "Also fine-tune from a classification-pretrained backbone (the paper's baseline): STDC1 trained on the source's image-level labels");
        var command = new Command("quickstart", "Pre-train PP-LiteSeg-T on generated PSSL data, fine-tune from scratch and from it on a few labelled images over 3 seeds, and compare (minutes on a CPU).")
        {
            output, data, quick, seeds, psslIters, iters, batchSize, generate, clsIters, classification,
        };
        command.SetAction(r =>
        {
            var error = r.InvocationConfiguration.Error;
            string[] errors = [.. new[] { Validation.Positive("--seeds", r.GetValue(seeds)), Validation.Positive("--pssl_iters", r.GetValue(psslIters)),
                Validation.Positive("--iters", r.GetValue(iters)), Validation.Positive("--batch_size", r.GetValue(batchSize)), Validation.Positive("--cls_iters", r.GetValue(clsIters)) }.OfType<string>()];
            if (CommandErrors.Report(error, "quickstart", errors)) return CommandErrors.ExitCode;
            return Run(r.GetValue(output)!, r.GetValue(data)!, r.GetValue(seeds) ?? (r.GetValue(quick) ? 1 : DefaultSeeds),
                r.GetValue(psslIters), r.GetValue(iters), r.GetValue(batchSize), r.InvocationConfiguration.Output, error, r.GetValue(generate), r.GetValue(clsIters), r.GetValue(classification));
        });
        return command;
    }

    /// <summary>
    /// The quickstart's commands in order: data (when <paramref name="makeData"/>), PSSL pre-training, the classifier
    /// (when <see cref="QuickstartSchedule.ClassifierIters"/> is set), then per seed a fine-tune and an evaluation for each start.
    /// </summary>
    internal static IReadOnlyList<QuickstartStage> Plan(string output, string data, QuickstartSchedule schedule, bool makeData)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var psslRun = Path.Combine(output, "pssl");
        var psslWeights = Path.Combine(psslRun, $"iter_{schedule.PsslIters}");
        var segData = Path.Combine(data, "seg");
        var segIters = schedule.SegIters.ToString(CultureInfo.InvariantCulture);
        string[] batch = schedule.BatchSize is { } b ? ["--batch_size", b.ToString(CultureInfo.InvariantCulture)] : [];
        string[] segDataOpts =
        [
            $"train_dataset.dataset_root={segData}", $"train_dataset.train_path={Path.Combine(segData, "train_list.txt")}",
            $"val_dataset.dataset_root={segData}", $"val_dataset.val_path={Path.Combine(segData, "val_list.txt")}",
        ];
        var stages = new List<QuickstartStage>();
        if (makeData) stages.Add(new($"generating the demo data in {data}", ["data", "make-demo", "--output", data]));
        stages.Add(new($"PSSL pre-training: PP-LiteSeg-T on {Path.Combine(data, "pssl")}, {schedule.PsslIters} iterations -> {psslRun}",
        [
            "train", "--config", PsslConfig, "--save_dir", psslRun, "--iters", schedule.PsslIters.ToString(CultureInfo.InvariantCulture),
            "--save_interval", schedule.PsslIters.ToString(CultureInfo.InvariantCulture), "--log_iters", "50", "--seed", "0", .. batch, "--opts",
            $"train_dataset.imagenet_root={Path.Combine(data, "pssl", DemoData.ImagenetFolder)}",
            $"train_dataset.pssl_root={Path.Combine(data, "pssl", DemoData.PsslFolder)}",
        ]));
        var starts = new List<(string Start, string Folder, string Pretrained)> { (Scratch, "scratch", "None"), (Pssl, "pssl", psslWeights) };
        if (schedule.ClassifierIters is { } clsIters)
        {
            var clsRun = Path.Combine(output, "cls");
            var clsText = clsIters.ToString(CultureInfo.InvariantCulture);
            var imageRoot = Path.Combine(data, "pssl", DemoData.ImagenetFolder);
            stages.Add(new($"classification pre-training: STDC1 + pooling + fc on the source's image-level labels, {clsText} iterations -> {clsRun}",
            [
                "cls", "train", "--config", ClassifierConfig, "--save_dir", clsRun, "--iters", clsText, "--save_interval", clsText, "--log_iters", "50",
                "--seed", "0", .. batch, "--opts", $"train_dataset.dataset_root={imageRoot}", $"val_dataset.dataset_root={imageRoot}",
            ]));
            // The classifier's backbone.* entries are PP-LiteSeg's backbone.* entries; its fc and PP-LiteSeg's heads are skipped.
            starts.Add((Classification, "classification", Path.Combine(clsRun, $"iter_{clsText}")));
        }
        for (var seed = 0; seed < schedule.Seeds; seed++)
        {
            foreach (var (start, folder, pretrained) in starts)
            {
                var run = Path.Combine(output, "seg", folder, $"seed{seed}");
                var weights = Path.Combine(run, $"iter_{segIters}");
                var seedText = seed.ToString(CultureInfo.InvariantCulture);
                stages.Add(new($"fine-tuning {start} (model.pretrained={pretrained}), seed {seed}, {segIters} iterations -> {run}",
                [
                    "train", "--config", SegConfig, "--save_dir", run, "--iters", segIters, "--save_interval", segIters, "--log_iters", "50",
                    "--seed", seedText, .. batch, "--opts", $"model.pretrained={pretrained}", .. segDataOpts,
                ]));
                stages.Add(new($"evaluating {weights} on the validation images",
                    ["val", "--config", SegConfig, "--model_path", weights, "--opts", "model.pretrained=None", .. segDataOpts])
                {
                    Start = start, Seed = seed, MetricsFile = Path.Combine(weights, EvaluationFiles.MetricsFileName),
                });
            }
        }
        return stages;
    }

    private static int Run(string output, string data, int seeds, int? psslIters, int? iters, int? batchSize, TextWriter stdout, TextWriter stderr,
        bool generate = false, int? clsIters = null, bool classification = false)
    {
        foreach (var config in classification ? new[] { PsslConfig, SegConfig, ClassifierConfig } : [PsslConfig, SegConfig])
        {
            if (File.Exists(config)) continue;
            stderr.WriteLine($"seg quickstart: error: {config} not found; run the quickstart from the root of the Seg checkout");
            return CommandErrors.ExitCode;
        }
        var clock = Stopwatch.StartNew();
        var makeData = !File.Exists(Path.Combine(data, "pssl", DemoData.PsslFolder, PSSLDataset.TrainListName))
            || !File.Exists(Path.Combine(data, "seg", "val_list.txt"));
        // The data first: the configs are read (and checked: PSSLDataset's class count comes from the data's synsets file)
        // only once it exists.
        int RunStage(QuickstartStage stage, string position)
        {
            stdout.WriteLine();
            stdout.WriteLine($"==== quickstart {position} ({clock.Elapsed:m\\:ss}): {stage.Banner}");
            stdout.WriteLine($"==== seg {string.Join(' ', stage.Args)}");
            var code = SegCommandLine.Run(stage.Args, stdout, stderr);
            if (code != 0) stderr.WriteLine($"seg quickstart: stage {position} ({stage.Args[0]}) failed with exit code {code}; stopping");
            return code;
        }

        var first = 0;
        if (makeData)
        {
            var made = RunStage(Plan(output, data, new QuickstartSchedule(1, 1, 0, batchSize), makeData: true)[0], "data");
            if (made != 0) return made;
            first = 1;
        }
        var schedule = new QuickstartSchedule(psslIters ?? ConfigIters(PsslConfig), iters ?? ConfigIters(SegConfig), seeds, batchSize)
        {
            ClassifierIters = classification ? clsIters ?? ConfigIters(ClassifierConfig, validate: false) : null,
        };
        var stages = Plan(output, data, schedule, makeData);
        if (generate) stages = QuickstartGenerate.Extend(stages, output, data, clsIters);
        var comparison = new StartComparison();
        for (var i = first; i < stages.Count; i++)
        {
            var stage = stages[i];
            var code = RunStage(stage, $"{i + 1}/{stages.Count}");
            if (code != 0) return code;
            if (stage.Start is { } start) comparison.Add(start, ReadMiou(stage.MetricsFile!));
        }
        stdout.WriteLine();
        stdout.WriteLine($"==== quickstart done in {clock.Elapsed:m\\:ss} (min:s): PP-LiteSeg-T fine-tuned for {schedule.SegIters} iterations on the demo's labelled images, "
            + $"{seeds} seed(s) per start, mIoU on its validation images");
        foreach (var line in comparison.Table(Scratch, Pssl, classification ? [] : [(Classification, ClassificationNotRun)])) stdout.WriteLine(line);
        return 0;
    }

    private static double ReadMiou(string metricsFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(metricsFile));
        return json.RootElement.GetProperty("miou").GetDouble();
    }

    private static readonly Lazy<ComponentRegistry> BuiltIns = new(() => PluginsOption.LoadCatalog([], TextWriter.Null).Registry);

    /// <summary>A config's iters, read as every command reads configs (validate false: a check would need data not made yet).</summary>
    internal static long ConfigIters(string path, bool validate = true) => ConfigLoader.Load(path, null, BuiltIns.Value, validate: validate).Iters;
}
