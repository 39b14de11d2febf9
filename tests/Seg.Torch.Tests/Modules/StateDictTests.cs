using Seg.Torch.Modules;
using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Modules;

public class StateDictTests
{
    // The "init." tensors of net.safetensors, as a state dict.
    private static Dictionary<string, Tensor> Initial(SafeTensorsFile f) =>
        f.Tensors.Where(t => t.Key.StartsWith("init.", StringComparison.Ordinal)).ToDictionary(t => t.Key["init.".Length..], t => t.Value);

    [Test]
    public void Strict_load_copies_every_tensor()
    {
        using var fixture = ModuleFixtures.Load("net.safetensors");
        manual_seed(123);
        using var net = new TestNet();
        var result = net.load_state_dict(Initial(fixture));
        Assert.That(result.IsExact, Is.True);
        Assert.That(result.loaded_keys, Has.Count.EqualTo(14));
        foreach (var (k, t) in net.state_dict()) ModuleFixtures.AssertClose(t, fixture["init." + k], 0, k);
    }

    [Test]
    public void Strict_load_throws_listing_missing_unexpected_and_mismatched_keys_and_copies_nothing()
    {
        using var fixture = ModuleFixtures.Load("net.safetensors");
        using var net = new TestNet();
        using var before = net.get_parameter("stem.conv.weight").clone();
        var source = Initial(fixture);
        source.Remove("stem.bn._mean");
        using var extra = zeros(2);
        using var wrong = zeros(3, 3);
        source["stem.bn.num_batches_tracked"] = extra;
        source["head.0.bias"] = wrong;
        var e = Assert.Throws<InvalidOperationException>(() => net.load_state_dict(source))!;
        Assert.That(e.Message, Is.EqualTo(
            "Error(s) in loading state_dict for TestNet:\n" +
            "\tMissing key(s) in state_dict: \"stem.bn._mean\".\n" +
            "\tUnexpected key(s) in state_dict: \"stem.bn.num_batches_tracked\".\n" +
            "\tsize mismatch for head.0.bias: copying a param with shape [3, 3] from checkpoint, the shape in current model is [5]."));
        ModuleFixtures.AssertClose(net.get_parameter("stem.conv.weight"), before, 0, "untouched");
    }

    [Test]
    public void Non_strict_load_reports_and_copies_what_matches()
    {
        using var fixture = ModuleFixtures.Load("net.safetensors");
        manual_seed(5);
        using var net = new TestNet();
        using var headBefore = net.get_parameter("head.0.bias").clone();
        var source = Initial(fixture);
        source.Remove("layers.0.weight");
        using var wrong = zeros(4);
        source["head.0.bias"] = wrong;
        var r = net.load_state_dict(source, strict: false);
        Assert.Multiple(() =>
        {
            Assert.That(r.missing_keys, Is.EqualTo(new[] { "layers.0.weight" }));
            Assert.That(r.unexpected_keys, Is.Empty);
            Assert.That(r.mismatched_keys, Is.EqualTo(new[] { "head.0.bias" }));
            Assert.That(r.loaded_keys, Has.Count.EqualTo(12));
        });
        ModuleFixtures.AssertClose(net.get_parameter("stem.conv.weight"), fixture["init.stem.conv.weight"], 0, "copied");
        ModuleFixtures.AssertClose(net.get_parameter("head.0.bias"), headBefore, 0, "mismatched key left alone");
        Assert.That(net.get_parameter("stem.conv.weight").requires_grad, Is.True);
    }

    [Test]
    public void Safetensors_round_trip_restores_every_tensor()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-module-{Guid.NewGuid():N}.safetensors");
        try
        {
            manual_seed(1);
            using var a = new TestNet();
            a.save(path);
            manual_seed(2);
            using var b = new TestNet();
            var r = b.load(path);
            Assert.That(r.IsExact, Is.True);
            var sa = a.state_dict();
            foreach (var (k, t) in b.state_dict()) ModuleFixtures.AssertClose(t, sa[k], 0, k);
            using var file = SafeTensors.Load(path);
            Assert.That(file.Tensors.Select(t => t.Key), Is.EqualTo(sa.Keys));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_of_a_pytorch_file_with_a_missing_key_reports_it_when_not_strict()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-module-{Guid.NewGuid():N}.safetensors");
        try
        {
            using (var fixture = ModuleFixtures.Load("net.safetensors"))
                SafeTensors.Save(path, Initial(fixture).Where(kv => kv.Key != "head.2.weight"));
            using var net = new TestNet();
            Assert.That(() => net.load(path), Throws.InvalidOperationException.With.Message.Contains("\"head.2.weight\""));
            var r = net.load(path, strict: false);
            Assert.That(r.missing_keys, Is.EqualTo(new[] { "head.2.weight" }));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
