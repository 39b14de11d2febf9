using System.Globalization;
using Seg.Pssl.Demo;

namespace Seg.Cli.Commands;

// `seg quickstart --generate`: before the PSSL pre-training, train a committee of 3 tiny classifiers on the demo
// source's image-level labels (its synset folders), generate PSSL with SmoothGrad under the committee (and, to compare,
// under one classifier, with CAM and with Grad-CAM), measure each against the source's true masks, and pre-train on
// the committee's labels instead of the shipped ones.
internal static class QuickstartGenerate
{
    internal static readonly string[] Committee =
    [
        "configs/quickstart/cls_tiny_a_demo.yml", "configs/quickstart/cls_tiny_b_demo.yml", "configs/quickstart/cls_tiny_c_demo.yml",
    ];

    internal const int ImagesPerSynset = 20;
    internal const int Samples = 16;
    internal const int ShortSide = 64;

    /// <summary>Inserts the classification and generation stages before the PSSL pre-training and points it at the generated labels.</summary>
    internal static List<QuickstartStage> Extend(IReadOnlyList<QuickstartStage> plan, string output, string data, int? clsIters)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var stages = new List<QuickstartStage>(plan);
        var pretrain = stages.FindIndex(s => s.Args.Contains("--config") && s.Args.Contains(QuickstartCommand.PsslConfig));
        if (pretrain < 0) throw new InvalidOperationException("the quickstart plan has no PSSL pre-training stage");
        var imageRoot = Path.Combine(data, "pssl", DemoData.ImagenetFolder);
        var truth = Path.Combine(data, "pssl", DemoData.GroundTruthFolder);
        var generated = Path.Combine(output, "generated");
        var added = new List<QuickstartStage>();
        if (!Directory.Exists(truth) && !stages.Any(s => s.Args is ["data", "make-demo", ..]))
            added.Add(new($"regenerating the demo data in {data} (it has no true masks of the source images)", ["data", "make-demo", "--output", data]));
        var members = new List<string>();
        for (var i = 0; i < Committee.Length; i++)
        {
            var run = Path.Combine(output, "cls", Path.GetFileNameWithoutExtension(Committee[i]));
            string[] iters = clsIters is { } n ? ["--iters", n.ToString(CultureInfo.InvariantCulture), "--save_interval", n.ToString(CultureInfo.InvariantCulture)] : ["--save_interval", "100000"];
            added.Add(new($"classifier {i + 1}/{Committee.Length} on the source's image-level labels: {Committee[i]} -> {run}",
                ["cls", "train", "--config", Committee[i], "--save_dir", run, "--log_iters", "50", "--seed", i.ToString(CultureInfo.InvariantCulture), .. iters,
                 "--opts", $"train_dataset.dataset_root={imageRoot}", $"val_dataset.dataset_root={imageRoot}"]));
            members.Add(run);
        }
        // The classifiers' last checkpoint: iters from --cls_iters or their config (save_interval above only forces the last save).
        var lastIters = clsIters ?? QuickstartCommand.ConfigIters(Committee[0], validate: false);
        var weights = members.Select(m => Path.Combine(m, $"iter_{lastIters}")).ToList();
        var committee = Committee.Zip(weights, (c, w) => $"{c},{w}").ToArray();
        var runs = new (string Name, string Folder, string[] Classifiers, string[] Extra)[]
        {
            ("SmoothGrad, committee of 3", "smoothgrad_ensemble", committee, ["--explainer", "smoothgrad"]),
            ("SmoothGrad, one classifier", "smoothgrad_single", [committee[0]], ["--explainer", "smoothgrad"]),
            ("CAM, committee of 3", "cam_ensemble", committee, ["--explainer", "cam"]),
            ("Grad-CAM, committee of 3", "gradcam_ensemble", committee, ["--explainer", "gradcam"]),
        };
        foreach (var (name, folder, classifiers, extra) in runs)
        {
            added.Add(new($"PSSL generation ({name}) for {ImagesPerSynset} images per synset -> {Path.Combine(generated, folder)}",
                ["pssl", "generate", "--classifiers", .. classifiers, "--image_root", imageRoot, "--output", Path.Combine(generated, folder),
                 "--max_per_synset", ImagesPerSynset.ToString(CultureInfo.InvariantCulture), "--n_samples", Samples.ToString(CultureInfo.InvariantCulture),
                 "--resize_to", ShortSide.ToString(CultureInfo.InvariantCulture), .. extra]));
        }
        added.Add(new($"pseudo-mask quality against the source's true masks ({truth})",
            ["pssl", "evaluate", "--pred", .. runs.Select(r => Path.Combine(generated, r.Folder)), "--names", .. runs.Select(r => r.Name), "--gt", truth]));
        stages.InsertRange(pretrain, added);
        var pssl = stages[pretrain + added.Count];
        var args = pssl.Args.Select(a => a.StartsWith("train_dataset.pssl_root=", StringComparison.Ordinal)
            ? $"train_dataset.pssl_root={Path.Combine(generated, "smoothgrad_ensemble")}" : a).ToArray();
        stages[pretrain + added.Count] = pssl with { Banner = pssl.Banner + " (on the generated labels)", Args = args };
        return stages;
    }
}
