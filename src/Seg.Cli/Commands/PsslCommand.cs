using System.CommandLine;
using System.Globalization;
using Seg.Cli.Display;
using Seg.Core.Config;
using Seg.Core.Progress;
using Seg.Core.Contracts;
using Seg.Core.Weights;
using Seg.Pssl;
using Seg.Pssl.Classification;
using Seg.Pssl.Explanation;
using Seg.Pssl.Generation;
using Seg.Torch;

namespace Seg.Cli.Commands;

// `seg pssl generate --classifiers A.yml[,weights] ... --image_root DIR --output DIR`: PSSL labels from a committee's
// explanations (Seg.Pssl.Generation), and `seg pssl evaluate --pred DIR --gt DIR`: their quality against true masks.
internal static class PsslCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var command = new Command("pssl", "Make PSSL (pseudo semantic segmentation labels) from image-level classes and measure them.");
        command.Subcommands.Add(Generate(plugins));
        command.Subcommands.Add(Evaluate());
        return command;
    }

    private static Command Generate(Option<string[]> plugins)
    {
        var classifiers = new Option<string[]>("--classifiers") { Description = "The committee: classifier configs, each optionally followed by ,<weights> (model.safetensors or a checkpoint folder)", Required = true, AllowMultipleArgumentsPerToken = true };
        var imageRoot = new Option<string>("--image_root") { Description = "The images: image_root/train/<synset>/<synset>_<id>.JPEG (ImageNet's layout)", Required = true };
        var output = new Option<string>("--output") { Description = "The PSSL root to write (train.txt, imagenet_lsvrc_2015_synsets.txt, train/<synset>/*.JPEG_eiseg.npz)", Required = true };
        var synsets = CliOptions.Text("--synsets", "The class list (line index = class id, e.g. ImageNet's 1000 synsets); default: image_root/train's synset folders, sorted");
        var explainer = CliOptions.Choice("--explainer", "smoothgrad", "How each classifier explains the image", "smoothgrad", "gradient", "cam", "gradcam");
        var samples = CliOptions.Int("--n_samples", 50, "SmoothGrad's noisy copies per image and classifier");
        var noise = CliOptions.Float("--noise_amount", "SmoothGrad's σ relative to the image's value range (default 0.1)");
        var gradientOf = CliOptions.Choice("--gradient_of", "probability", "The output whose input gradient explains (Grad-CAM: logit unless given)", "probability", "logit");
        var target = CliOptions.Choice("--target", "gt", "The class explained: the folder's (gt) or each classifier's top-1", "gt", "top1");
        var resizeTo = CliOptions.Int("--resize_to", 224, "The explanation's short side (InterpretDL: 224)");
        var labelSize = CliOptions.Choice("--label_size", "image", "The stored mask's size: the image's (nearest) or the explanation's", "image", "explanation");
        var seed = CliOptions.Int("--seed", 0, "Run seed of the SmoothGrad noise (each image and classifier derives its own)");
        var workers = CliOptions.Int("--workers", 1, "Images explained in parallel");
        var maxPerSynset = CliOptions.Int("--max_per_synset", "Explain at most N images per synset (the first N by name): a sample of a large set");
        var threads = CliOptions.Int("--threads", "libtorch's intra-op threads (default: libtorch's own choice); 1 with several --workers or on a busy machine");
        var saveMaps = CliOptions.Flag("--save_maps", "Also write the consensus maps as PNG heat maps over the images (output/maps/)");
        var device = CliOptions.Choice("--device", "gpu", "Device; gpu falls back to cpu when no GPU is visible", "gpu", "cpu");
        var command = new Command("generate", "Explain every image under each classifier, min-max normalise, average, keep the top decile as the object and write it as PSSLDataset reads it. Resumable: finished masks are kept.")
        {
            classifiers, imageRoot, output, synsets, explainer, samples, noise, gradientOf, target, resizeTo, labelSize, seed, workers, maxPerSynset, threads, saveMaps, device,
        };
        command.SetAction(r =>
        {
            var stdout = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var errors = new[]
            {
                Directory.Exists(r.GetValue(imageRoot)) ? null : $"--image_root: {r.GetValue(imageRoot)} is not a folder",
                Validation.ExistingFile("--synsets", r.GetValue(synsets), required: false),
                Validation.Positive("--n_samples", r.GetValue(samples)),
                Validation.Positive("--resize_to", r.GetValue(resizeTo)),
                Validation.Positive("--workers", r.GetValue(workers)),
                Validation.Positive("--max_per_synset", r.GetValue(maxPerSynset)),
                Validation.Positive("--threads", r.GetValue(threads)),
                r.GetValue(noise) is < 0 ? $"--noise_amount must not be negative, got {r.GetValue(noise)}" : null,
            };
            if (CommandErrors.Report(error, "pssl generate", errors)) return CommandErrors.ExitCode;
            var root = r.GetValue(imageRoot)!;
            var synsetList = r.GetValue(synsets) is { } file ? ClassListFile.Read(file) : PsslImageTree.DefaultSynsets(root);
            var (images, skipped) = PsslImageTree.Scan(root, synsetList, r.GetValue(maxPerSynset) ?? int.MaxValue);
            foreach (var s in skipped) error.WriteLine($"warning: skipped {s}");
            if (images.Count == 0)
            {
                error.WriteLine($"seg pssl generate: error: no images to explain under {root}/train (expected train/<synset>/<synset>_<id>.JPEG)");
                return CommandErrors.ExitCode;
            }
            if (r.GetValue(threads) is { } n) torch.set_num_threads(n);
            var place = DeviceChoice.Resolve(r.GetValue(device)!, "explaining", error);
            var catalog = PluginsOption.LoadCatalog(r.GetValue(plugins) ?? [], error);
            var models = new List<SegModel>();
            try
            {
                var committee = new List<CommitteeMember>();
                foreach (var spec in r.GetValue(classifiers) ?? [])
                {
                    var parts = spec.Split(',', 2);
                    if (!File.Exists(parts[0])) throw new FileNotFoundException($"--classifiers: {parts[0]} is not a file", parts[0]);
                    var (_, model) = ClassifierLoading.Load(parts[0], parts.Length > 1 ? parts[1] : null, [], catalog, error);
                    models.Add(model);
                    model.to(place);
                    model.eval();
                    committee.Add(new CommitteeMember(parts[0], (IImageClassifier)model));
                }
                var options = new PsslGenerationOptions
                {
                    ResizeTo = r.GetValue(resizeTo),
                    Target = r.GetValue(target) == "top1" ? TargetChoice.Top1 : TargetChoice.Gt,
                    Seed = r.GetValue(seed),
                    Workers = r.GetValue(workers),
                    SaveMaps = r.GetValue(saveMaps),
                    LabelAtImageSize = r.GetValue(labelSize) == "image",
                    Device = place,
                };
                var chosen = Explainer(r.GetValue(explainer)!, r.GetValue(samples), r.GetValue(noise) ?? 0.1, r.GetValue(gradientOf)!, r.GetResult(gradientOf) is { Implicit: false });
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[PSSL] {images.Count} images of {synsetList.Count} synsets, {committee.Count} classifier(s), explainer {chosen.Name}, short side {options.ResizeTo} -> {r.GetValue(output)}"));
                var summary = ProgressDisplay.Run(stdout, "[PSSL]", "images", PlainProgress.DefaultLines, (progress, log) =>
                    new PsslGenerator(committee, chosen, options) { Progress = progress }.Run(images, synsetList, r.GetValue(output)!, log));
                stdout.WriteLine(summary.Line());
                return summary.Failed > 0 && summary.Written + summary.Resumed == 0 ? CommandErrors.ExitCode : 0;
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or WeightsMismatchException or InvalidDataException)
            {
                error.WriteLine($"seg pssl generate: error: {e.Message}");
                return CommandErrors.ExitCode;
            }
            finally
            {
                foreach (var m in models) m.Dispose();
            }
        });
        return command;
    }

    internal static IExplainer Explainer(string name, int samples, double noise, string gradientOf, bool gradientOfGiven)
    {
        var of = gradientOf == "logit" ? GradientTarget.Logit : GradientTarget.Probability;
        return name switch
        {
            "gradient" => new VanillaGradient(of),
            "cam" => new Cam(),
            "gradcam" => new GradCam(gradientOfGiven ? of : GradientTarget.Logit),
            _ => new SmoothGrad(new SmoothGradOptions { Samples = samples, NoiseAmount = noise, GradientOf = of }),
        };
    }

    private static Command Evaluate()
    {
        var pred = new Option<string[]>("--pred") { Description = "Generated PSSL roots (train.txt + masks); several compare explainers or committees", Required = true, AllowMultipleArgumentsPerToken = true };
        var gt = new Option<string>("--gt") { Description = "Ground-truth masks: gt/train/<synset>/<name>.png (0 background, 255 ignored, anything else object)", Required = true };
        var names = new Option<string[]>("--names") { Description = "A name per --pred for the table (default: the folder names)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("evaluate", "Pseudo-mask quality against ground-truth masks: mIoU of object vs background, object IoU, precision and recall of the top decile, one row per --pred.")
        {
            pred, gt, names,
        };
        command.SetAction(r =>
        {
            var stdout = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var preds = r.GetValue(pred) ?? [];
            var labels = r.GetValue(names) ?? [];
            if (labels.Length > 0 && labels.Length != preds.Length)
            {
                CommandErrors.Report(error, "pssl evaluate", [$"--names gives {labels.Length} names for {preds.Length} --pred folders"]);
                return CommandErrors.ExitCode;
            }
            if (!Directory.Exists(r.GetValue(gt)))
            {
                CommandErrors.Report(error, "pssl evaluate", [$"--gt: {r.GetValue(gt)} is not a folder"]);
                return CommandErrors.ExitCode;
            }
            try
            {
                var rows = new List<string>();
                for (var i = 0; i < preds.Length; i++)
                {
                    var metrics = PseudoMaskEvaluator.Evaluate(preds[i], r.GetValue(gt)!, error);
                    rows.Add(metrics.Row(labels.Length > 0 ? labels[i] : Path.GetFileName(Path.TrimEndingDirectorySeparator(preds[i]))));
                }
                stdout.WriteLine(PseudoMaskMetrics.Header);
                stdout.WriteLine("|---|---|---|---|---|---|---|---|");
                foreach (var row in rows) stdout.WriteLine(row);
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or FormatException or Seg.Pssl.Npy.NpyFormatException)
            {
                error.WriteLine($"seg pssl evaluate: error: {e.Message}");
                return CommandErrors.ExitCode;
            }
        });
        return command;
    }
}
