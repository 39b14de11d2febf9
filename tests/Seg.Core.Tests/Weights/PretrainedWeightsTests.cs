using Seg.Core.Weights;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Tests.Weights;

// PaddleSeg's load_pretrained_model semantics (spec §6.2) on safetensors files and checkpoint folders.
public class PretrainedWeightsTests
{
    private string dir = "";

    [SetUp]
    public void MakeDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "seg-pretrained-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, recursive: true);

    // conv (out x 2 x 3 x 3, bias) -> BN(out): keys 0.weight, 0.bias, 1.weight, 1.bias, 1._mean, 1._variance (+ counter if any).
    private static Sequential Net(long outChannels, int seed)
    {
        torch.manual_seed(seed);
        var net = new Sequential(torch.nn.Conv2d(2, outChannels, 3), new BatchNorm2d(outChannels));
        using (torch.no_grad())
            foreach (var (_, t) in net.state_dict())
                if (t.dtype == ScalarType.Float32) t.copy_(torch.randn(t.shape));
        return net;
    }

    private static Dictionary<string, Tensor> Snapshot(Module m) => m.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());

    [Test]
    public void A_file_with_the_same_keys_loads_everything_and_logs_two_lines()
    {
        using var source = Net(4, 1);
        var file = Path.Combine(dir, "w.safetensors");
        source.save(file);
        using var target = Net(4, 2);
        using var log = new StringWriter();

        var report = PretrainedWeights.Load(target, file, log);

        Assert.That(report.Loaded, Is.EqualTo(report.Total));
        Assert.That(report.Total, Is.EqualTo(target.state_dict().Count));
        Assert.That(report.Skipped, Is.Empty);
        foreach (var (k, v) in source.state_dict()) Assert.That(target.state_dict()[k].equal(v), Is.True, k);
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo($"Loading pretrained model from {file}"));
        Assert.That(lines[1], Does.StartWith($"loaded {report.Total}/{report.Total}"));
        Assert.That(lines, Has.Length.EqualTo(2));
    }

    [Test]
    public void A_checkpoint_folder_loads_its_model_safetensors()
    {
        using var source = Net(4, 1);
        var folder = Path.Combine(dir, "iter_10");
        Directory.CreateDirectory(folder);
        source.save(Path.Combine(folder, PretrainedWeights.ModelFileName));
        using var target = Net(4, 2);

        var report = PretrainedWeights.Load(target, folder, TextWriter.Null);

        Assert.That(report.File, Is.EqualTo(Path.Combine(folder, "model.safetensors")));
        Assert.That(target.state_dict()["0.weight"].equal(source.state_dict()["0.weight"]), Is.True);
    }

    [Test]
    public void Entries_of_another_shape_or_missing_keep_their_values_and_are_reported_with_both_shapes()
    {
        using var source = Net(4, 1);
        var tensors = source.state_dict().Where(kv => kv.Key != "0.bias").ToList();
        var file = Path.Combine(dir, "w.safetensors");
        SafeTensors.Save(file, tensors);
        using var target = Net(3, 2);
        var before = Snapshot(target);
        using var log = new StringWriter();

        var report = PretrainedWeights.Load(target, file, log);

        // Every entry of a 3-channel conv+BN differs in shape from the 4-channel one (or is missing): all skipped, in order.
        Assert.That(report.Loaded, Is.EqualTo(0));
        Assert.That(report.SkippedKeys, Is.EqualTo(target.state_dict().Keys.ToList()));
        Assert.That(report.Skipped[0], Is.EqualTo("0.weight [4,2,3,3] vs [3,2,3,3]"));
        Assert.That(report.Skipped[1], Is.EqualTo("0.bias (not in the file)"));
        foreach (var (k, v) in target.state_dict()) Assert.That(v.equal(before[k]), Is.True, k);
        Assert.That(log.ToString(), Does.Contain("skipped").And.Contain("0.weight [4,2,3,3] vs [3,2,3,3]"));
        foreach (var t in before.Values) t.Dispose();
    }

    [Test]
    public void Only_mismatching_entries_are_skipped_and_extra_file_keys_are_ignored()
    {
        using var source = Net(4, 1);
        using var extra = torch.ones(7);
        var tensors = source.state_dict().ToList();
        tensors.Add(new("head.extra.weight", extra));
        var file = Path.Combine(dir, "w.safetensors");
        SafeTensors.Save(file, tensors);
        // Same conv, BN of another width: the conv loads, the BN does not.
        torch.manual_seed(3);
        using var target = new Sequential(torch.nn.Conv2d(2, 4, 3), new BatchNorm2d(5));

        var report = PretrainedWeights.Load(target, file, TextWriter.Null);

        Assert.That(report.SkippedKeys.Where(k => k.StartsWith("0.", StringComparison.Ordinal)), Is.Empty);
        Assert.That(report.SkippedKeys, Does.Contain("1.weight"));
        Assert.That(report.Skipped, Does.Contain("1._mean [4] vs [5]"));
        Assert.That(report.Skipped.Any(s => s.Contains("head.extra", StringComparison.Ordinal)), Is.False);
        Assert.That(report.Loaded, Is.EqualTo(2));
        Assert.That(target.state_dict()["0.weight"].equal(source.state_dict()["0.weight"]), Is.True);
    }

    [Test]
    public void The_summary_abbreviates_long_skip_lists_but_the_report_keeps_them_all()
    {
        var skipped = Enumerable.Range(0, 9).Select(i => $"k{i} [2] vs [3]").ToList();
        var report = new PretrainedLoadReport("f", 1, 10, skipped);
        Assert.That(report.Summary(), Is.EqualTo("loaded 1/10; skipped 9: k0 [2] vs [3], k1 [2] vs [3], k2 [2] vs [3], k3 [2] vs [3], k4 [2] vs [3], k5 [2] vs [3], ... (3 more)"));
        Assert.That(new PretrainedLoadReport("f", 10, 10, []).Summary(), Is.EqualTo("loaded 10/10"));
    }

    [Test]
    public void A_pdparams_file_or_paddleseg_checkpoint_folder_loads_like_safetensors()
    {
        using var source = Net(4, 1);
        var paddleFolder = Path.Combine(dir, "best_model");
        WeightsWriter.Save(Path.Combine(paddleFolder, "model.pdparams"), source.state_dict().ToList(), WeightsFormat.Pdparams);
        using var target = Net(4, 2);
        using var log = new StringWriter();

        var report = PretrainedWeights.Load(target, paddleFolder, log);

        Assert.That(report.Loaded, Is.EqualTo(report.Total));
        Assert.That(report.File, Is.EqualTo(Path.Combine(paddleFolder, "model.pdparams")));
        foreach (var (k, v) in source.state_dict()) Assert.That(target.state_dict()[k].equal(v), Is.True, k);
        Assert.That(log.ToString(), Does.StartWith($"Loading pretrained model from {paddleFolder}"));
    }

    [Test]
    public void A_missing_path_is_an_error_naming_it()
    {
        using var target = Net(4, 2);
        var missing = Path.Combine(dir, "nope", "iter_5");
        Assert.That(() => PretrainedWeights.Load(target, missing, TextWriter.Null), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains(missing));
        Assert.That(() => PretrainedWeights.Load(target, dir, TextWriter.Null), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("model.safetensors or model.pdparams"));
    }

    [Test]
    public void No_path_loads_nothing_and_logs_paddlesegs_warnings()
    {
        using var target = Net(4, 2);
        var before = Snapshot(target);
        using var log = new StringWriter();

        var report = PretrainedWeights.Load(target, null, log);
        PretrainedWeights.LoadEntire(target, "", log);

        Assert.That(report.Loaded, Is.EqualTo(0));
        Assert.That(log.ToString(), Does.Contain("No pretrained model to load, Sequential will be trained from scratch.")
            .And.Contain("Weights are not loaded for Sequential model since the path of weights is None"));
        foreach (var (k, v) in target.state_dict()) Assert.That(v.equal(before[k]), Is.True, k);
        foreach (var t in before.Values) t.Dispose();
    }

    [Test]
    public void An_uncached_url_is_a_missing_file_naming_it()
    {
        using var target = Net(4, 2);
        var url = "https://example.com/x/never-cached-" + Guid.NewGuid().ToString("N") + ".tar.gz";
        Assert.That(() => PretrainedWeights.Load(target, url, TextWriter.Null), Throws.InstanceOf<FileNotFoundException>());
    }
}
