using Seg.Core.Contracts;

namespace Seg.Models.Tests.Models;

// The models built from PaddleSeg's own configs have exactly PaddleSeg's state dict: keys, order, shapes, kinds and counts.
[Category(TestCategories.NeedsShared)]
public class ManifestTests
{
    private static IEnumerable<string> Names => Manifest.Names;

    [TestCaseSource(nameof(Names))]
    public void State_dict_equals_the_manifest(string name)
    {
        var manifest = Manifest.Load(name);
        using var model = ModelCatalog.Build(manifest.ConfigPath);

        var ours = model.state_dict().Select(kv => (kv.Key, kv.Value.shape)).ToList();
        var theirs = manifest.StateDict.Select(e => (e.Key, e.Shape)).ToList();
        var firstDiff = Enumerable.Range(0, Math.Min(ours.Count, theirs.Count))
            .FirstOrDefault(i => ours[i].Key != theirs[i].Key || !ours[i].shape.SequenceEqual(theirs[i].Shape), -1);
        Assert.That(firstDiff, Is.EqualTo(-1),
            () => $"first difference at {firstDiff}: ours {ours[firstDiff].Key} [{string.Join(",", ours[firstDiff].shape)}], PaddleSeg {theirs[firstDiff].Key} [{string.Join(",", theirs[firstDiff].Shape)}]");
        Assert.That(ours, Has.Count.EqualTo(theirs.Count));
    }

    [TestCaseSource(nameof(Names))]
    public void Kinds_and_counts_equal_the_manifest(string name)
    {
        var manifest = Manifest.Load(name);
        using var model = ModelCatalog.Build(manifest.ConfigPath);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var buffers = model.named_buffers().Select(b => b.name).ToHashSet();

        var kinds = model.state_dict().Keys.Select(k =>
            parameters.TryGetValue(k, out var p) ? (p.requires_grad ? "param" : "param_frozen") : buffers.Contains(k) ? "buffer" : "?").ToList();
        Assert.That(kinds, Is.EqualTo(manifest.StateDict.Select(e => e.Kind).ToList()));
        Assert.That(parameters.Values.Where(p => p.requires_grad).Sum(p => p.numel()), Is.EqualTo(manifest.TrainableParams));
        Assert.That(parameters.Values.Where(p => !p.requires_grad).Sum(p => p.numel()), Is.EqualTo(manifest.FrozenParams));
        Assert.That(model.named_buffers().Sum(b => b.buffer.numel()), Is.EqualTo(manifest.Buffers));
        Assert.That(model.NumClasses, Is.EqualTo(manifest.EvalShapes[0][1]));
    }
}
