using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Seg.Core.Config;
using Seg.Pssl;
using Seg.Pssl.Demo;

namespace Seg.Cli.Commands;

// `seg quickstart [--output output/quickstart] [--data data/demo]`: the whole story on generated data, through the
// command tree: make the demo data (if missing), pre-train PP-LiteSeg-T on the PSSL demo, fine-tune it with
// `pretrained:` on the segmentation demo (evaluating as it goes), evaluate the final model.
internal static partial class QuickstartCommand
{
    internal const string PsslConfig = "configs/quickstart/pp_liteseg_stdc1_demo_pssl.yml";
    internal const string SegConfig = "configs/quickstart/pp_liteseg_stdc1_demo_seg.yml";

    internal static Command Create()
    {
        var output = CliOptions.Text("--output", Path.Combine("output", "quickstart"), "Where the runs go (pssl/ and seg/ inside)");
        var data = CliOptions.Text("--data", Path.Combine("data", "demo"), "The demo data folder (generated with `seg data make-demo` when missing)");
        var command = new Command("quickstart", "Pre-train PP-LiteSeg-T on generated PSSL data, fine-tune it on a generated segmentation set and evaluate (minutes on a CPU).")
        {
            output, data,
        };
        command.SetAction(r => Run(r.GetValue(output)!, r.GetValue(data)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The stages' command lines, in order (data generation first when <paramref name="makeData"/>).</summary>
    internal static IReadOnlyList<(string Banner, string[] Args)> Plan(string output, string data, long psslIters, long segIters, bool makeData)
    {
        var psslRun = Path.Combine(output, "pssl");
        var segRun = Path.Combine(output, "seg");
        var psslWeights = Path.Combine(psslRun, $"iter_{psslIters}");
        var segWeights = Path.Combine(segRun, $"iter_{segIters}");
        var segData = Path.Combine(data, "seg");
        string[] segDataOpts =
        [
            $"train_dataset.dataset_root={segData}", $"train_dataset.train_path={Path.Combine(segData, "train_list.txt")}",
            $"val_dataset.dataset_root={segData}", $"val_dataset.val_path={Path.Combine(segData, "val_list.txt")}",
        ];
        var stages = new List<(string, string[])>();
        if (makeData) stages.Add(($"generating the demo data in {data}", ["data", "make-demo", "--output", data]));
        stages.Add(($"PSSL pre-training: PP-LiteSeg-T on {Path.Combine(data, "pssl")}, {psslIters} iterations -> {psslRun}",
        [
            "train", "--config", PsslConfig, "--save_dir", psslRun, "--save_interval", psslIters.ToString(CultureInfo.InvariantCulture),
            "--log_iters", "10", "--seed", "0", "--opts",
            $"train_dataset.imagenet_root={Path.Combine(data, "pssl", DemoData.ImagenetFolder)}",
            $"train_dataset.pssl_root={Path.Combine(data, "pssl", DemoData.PsslFolder)}",
        ]));
        stages.Add(($"fine-tuning from {psslWeights} on {segData}, {segIters} iterations, evaluating as it goes -> {segRun}",
        [
            "train", "--config", SegConfig, "--save_dir", segRun, "--do_eval", "--save_interval", Math.Max(1, segIters / 2).ToString(CultureInfo.InvariantCulture),
            "--log_iters", "10", "--seed", "0", "--opts", $"model.pretrained={psslWeights}", .. segDataOpts,
        ]));
        stages.Add(($"evaluating {segWeights} on the validation images",
            ["val", "--config", SegConfig, "--model_path", segWeights, "--opts", "model.pretrained=None", .. segDataOpts]));
        return stages;
    }

    private static int Run(string output, string data, TextWriter stdout, TextWriter stderr)
    {
        foreach (var config in new[] { PsslConfig, SegConfig })
        {
            if (File.Exists(config)) continue;
            stderr.WriteLine($"seg quickstart: error: {config} not found; run the quickstart from the root of the Seg checkout");
            return CommandErrors.ExitCode;
        }
        var clock = Stopwatch.StartNew();
        var makeData = !File.Exists(Path.Combine(data, "pssl", DemoData.PsslFolder, PSSLDataset.TrainListName))
            || !File.Exists(Path.Combine(data, "seg", "val_list.txt"));
        var stages = Plan(output, data, SegConfigIters(PsslConfig), SegConfigIters(SegConfig), makeData);
        var tee = new TeeWriter(stdout);
        for (var i = 0; i < stages.Count; i++)
        {
            var (banner, args) = stages[i];
            stdout.WriteLine();
            stdout.WriteLine($"==== quickstart {i + 1}/{stages.Count}: {banner}");
            stdout.WriteLine($"==== seg {string.Join(' ', args)}");
            var code = SegCommandLine.Run(args, tee, stderr);
            if (code == 0) continue;
            stderr.WriteLine($"seg quickstart: stage {i + 1} ({args[0]}) failed with exit code {code}; stopping");
            return code;
        }
        var miou = MiouRegex().Matches(tee.Captured).LastOrDefault()?.Groups[1].Value;
        stdout.WriteLine();
        stdout.WriteLine($"==== quickstart done in {clock.Elapsed:m\\:ss} (min:s); final mIoU {miou ?? "(not found in val's output)"}");
        return 0;
    }

    private static long SegConfigIters(string path) => Core.Config.SegConfig.Load(path, new ConfigOverrides()).Iters;

    [GeneratedRegex(@"mIoU:\s*([0-9.]+)")]
    private static partial Regex MiouRegex();
}
