using Seg.Core.Weights;

namespace Seg.Cli.Tests;

// `seg model convert IN OUT [--map ...]` between .pdparams, .pth and safetensors, and its refusals.
public class ModelConvertCommandTests
{
    private string dir = null!;

    private static string Fixture(string name) => Path.Combine(TestPaths.Fixtures, "weights", name);

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-convert-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private static void AssertSame(LoadedWeights actual, LoadedWeights expected)
    {
        Assert.That(actual.Tensors.Select(t => t.Key), Is.EqualTo(expected.Tensors.Select(t => t.Key)));
        for (var i = 0; i < expected.Tensors.Count; i++)
            Assert.That(actual.Tensors[i].Value.ToBytes(), Is.EqualTo(expected.Tensors[i].Value.ToBytes()), expected.Tensors[i].Key);
    }

    [Test]
    public void Pdparams_to_safetensors_to_pth_to_pdparams_keeps_every_key_and_byte()
    {
        var st = Path.Combine(dir, "a.safetensors");
        var pth = Path.Combine(dir, "b.pth");
        var back = Path.Combine(dir, "c.pdparams");

        var first = SegRun.Of("model", "convert", Fixture("arrays_p2.pdparams"), st);
        var second = SegRun.Of("model", "convert", st, pth);
        var third = SegRun.Of("model", "convert", pth, back);

        Assert.That((first.ExitCode, second.ExitCode, third.ExitCode), Is.EqualTo((0, 0, 0)), first.Error + second.Error + third.Error);
        Assert.That(first.Output.Trim(), Is.EqualTo($"converted 15 tensors from {Fixture("arrays_p2.pdparams")} (Pdparams) to {st} (SafeTensors)"));
        using var expected = WeightsLoader.Load(Fixture("arrays_p2.pdparams"));
        using var result = WeightsLoader.Load(back);
        AssertSame(result, expected);
        Assert.That(result.Format, Is.EqualTo(WeightsFormat.Pdparams));
    }

    [Test]
    public void An_archive_converts_into_a_checkpoint_folder_with_renamed_keys()
    {
        var rules = Path.Combine(dir, "rules.txt");
        File.WriteAllText(rules, "# from another code base\nre:^(i64|bool)$=extra.$1\n");
        var folder = Path.Combine(dir, "ckpt") + "/";

        var run = SegRun.Of("model", "convert", Fixture("zoo.tar.gz"), folder, "--map", "backbone.=model.backbone.", $"@{rules}");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.EndWith("; 3 renamed by --map\n").Or.EndWith("; 3 renamed by --map\r\n"));
        using var result = WeightsLoader.Load(Path.Combine(dir, "ckpt"));
        Assert.That(result.Source, Is.EqualTo(Path.Combine(dir, "ckpt", "model.safetensors")));
        Assert.That(result.Tensors.Select(t => t.Key), Is.EqualTo(new[] { "model.backbone.conv.weight", "extra.i64", "extra.bool" }));
    }

    [Test]
    public void A_malicious_input_is_refused_and_nothing_is_written()
    {
        var output = Path.Combine(dir, "out.safetensors");
        var run = SegRun.Of("model", "convert", Path.Combine(TestPaths.Fixtures, "weights", "malicious", "os_system.pdparams"), output);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("seg model convert: error: ").And.Contain("byte 9: global os.system is refused"));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(Directory.GetFileSystemEntries(dir), Is.Empty);
    }

    [TestCase("out.bin", "the extension says no format")]
    [TestCase("out.pdparams", "two keys")]
    public void Bad_arguments_are_one_line_errors(string output, string message)
    {
        var args = new List<string> { "model", "convert", Fixture("small_p4.pdparams"), Path.Combine(dir, output) };
        if (message == "two keys") args.AddRange(["--map", "re:^.*$=same"]);

        var run = SegRun.Of([.. args]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain(message == "two keys" ? "to 'same'" : message));
        Assert.That(Directory.GetFileSystemEntries(dir), Is.Empty);
    }
}
