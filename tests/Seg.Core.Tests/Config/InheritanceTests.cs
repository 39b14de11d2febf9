using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// _base_ resolution and merge_config_dicts edge cases (spec §1.2).
public class InheritanceTests
{
    private static object? V(ConfigMap root, string path) => ConfigAssert.ValueAt(root, path);

    [Test]
    public void ChildWinsListsAreReplacedAndKeyOrderIsBaseThenNewChildKeys()
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "a: 1\nm:\n  x: 1\n  y: [1, 2, 3]\n  z: {k: 1}\nb: 2\n");
        var child = dir.Write("sub/child.yml", "_base_: ../base.yml\nnew: 0\nm:\n  y: [9]\n  w: 5\n  x: 2\na: 3\n");
        var root = BaseConfigResolver.Resolve(child);
        Assert.Multiple(() =>
        {
            Assert.That(root.Keys, Is.EqualTo(new[] { "a", "m", "b", "new" }));
            Assert.That(((ConfigMap)root["m"]).Keys, Is.EqualTo(new[] { "x", "y", "z", "w" }));
            Assert.That(V(root, "a"), Is.EqualTo(3L));
            Assert.That(V(root, "m.x"), Is.EqualTo(2L));
            Assert.That(((ConfigList)ConfigAssert.At(root, "m.y")).Items, Has.Count.EqualTo(1));
            Assert.That(V(root, "m.z.k"), Is.EqualTo(1L));
            Assert.That(root["a"].Location!.File, Does.EndWith("child.yml"));
            Assert.That(root["b"].Location!.File, Does.EndWith("base.yml"));
        });
    }

    [Test]
    public void InheritedFalseCutsTheBaseAtItsLevelOnly()
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "model:\n  type: A\n  backbone: {type: B, depth: 1}\n  num_classes: 19\nother: {k: 1}\n");
        var child = dir.Write("child.yml", "_base_: base.yml\nmodel:\n  _inherited_: False\n  type: C\nother: {j: 2}\n");
        var root = BaseConfigResolver.Resolve(child);
        Assert.Multiple(() =>
        {
            Assert.That(((ConfigMap)root["model"]).Keys, Is.EqualTo(new[] { "type" }));
            Assert.That(((ConfigMap)root["other"]).Keys, Is.EqualTo(new[] { "k", "j" }));
        });
    }

    [TestCase("no")]
    [TestCase("null")]
    [TestCase("0")]
    [TestCase("''")]
    public void AnyFalsyInheritedValueCuts(string falsy)
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "m: {a: 1}\n");
        var root = BaseConfigResolver.Resolve(dir.Write("child.yml", $"_base_: base.yml\nm:\n  _inherited_: {falsy}\n  b: 2\n"));
        Assert.That(((ConfigMap)root["m"]).Keys, Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void EarlierBasesWinAndInheritedFalseIsConsumedByTheFirstMergeOnly()
    {
        using var dir = new TempConfigDir();
        dir.Write("b1.yml", "x: 1\nm: {p: 1, q: 1}\n");
        dir.Write("b2.yml", "x: 2\ny: 2\nm: {q: 2, r: 2}\n");
        var root = BaseConfigResolver.Resolve(dir.Write("c.yml", "_base_: [b1.yml, b2.yml]\nm:\n  _inherited_: false\n  s: 0\n"));
        Assert.Multiple(() =>
        {
            Assert.That(V(root, "x"), Is.EqualTo(1L));
            Assert.That(V(root, "y"), Is.EqualTo(2L));
            // b1's m is cut by _inherited_, b2's m is merged in afterwards (PaddleSeg edge case 3).
            Assert.That(((ConfigMap)root["m"]).Keys, Is.EqualTo(new[] { "q", "r", "s" }));
            Assert.That(V(root, "m.q"), Is.EqualTo(2L));
            Assert.That(root.Keys, Is.EqualTo(new[] { "x", "y", "m" }));
        });
    }

    [Test]
    public void BasesResolveRecursivelyRelativeToTheirOwnFile()
    {
        using var dir = new TempConfigDir();
        dir.Write("_base_/data.yml", "batch_size: 2\ntrain_dataset: {type: D}\n");
        dir.Write("model/a.yml", "_base_: '../_base_/data.yml'\nbatch_size: 4\n");
        var root = BaseConfigResolver.Resolve(dir.Write("model/b.yml", "_base_: a.yml\niters: 10\n"));
        Assert.That(root.Keys, Is.EqualTo(new[] { "batch_size", "train_dataset", "iters" }));
        Assert.That(V(root, "batch_size"), Is.EqualTo(4L));
    }

    [Test]
    public void ExplicitInheritedTrueIsAnErrorSayingToDeleteIt()
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "m: {a: 1}\n");
        var child = dir.Write("child.yml", "_base_: base.yml\nm:\n  _inherited_: True\n  b: 2\n");
        var e = Assert.Throws<ConfigException>(() => BaseConfigResolver.Resolve(child));
        Assert.That(e.Message, Does.Match(@"child\.yml:3:\d+: '_inherited_: True' under 'm' has no effect.*delete this line"));
    }

    [Test]
    public void InheritedFalseUnderAKeyAbsentFromTheBaseIsAnError()
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "model: {type: A}\n");
        var child = dir.Write("child.yml", "_base_: base.yml\noptimizer:\n  _inherited_: False\n  type: SGD\n");
        var e = Assert.Throws<ConfigException>(() => BaseConfigResolver.Resolve(child));
        Assert.That(e.Message, Does.Match(@"child\.yml:3:\d+: '_inherited_: False' under 'optimizer' has nothing to cut.*delete this line"));
    }

    [Test]
    public void ChildMappingOntoANonMappingBaseIsAnErrorNamingBothPlaces()
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "model:\n  backbone: null\n");
        var child = dir.Write("child.yml", "_base_: base.yml\nmodel:\n  backbone:\n    type: X\n");
        var e = Assert.Throws<ConfigException>(() => BaseConfigResolver.Resolve(child));
        Assert.That(e.Message, Does.Match(@"child\.yml:4:\d+: 'model\.backbone' is a mapping here but a null value in the base config \(.*base\.yml:2:\d+\).*_inherited_: False"));
    }

    [Test]
    public void ChildMappingWithInheritedFalseMayReplaceANonMappingBase()
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "backbone: null\n");
        var root = BaseConfigResolver.Resolve(dir.Write("child.yml", "_base_: base.yml\nbackbone:\n  _inherited_: False\n  type: X\n"));
        Assert.That(V(root, "backbone.type"), Is.EqualTo("X"));
    }

    [Test]
    public void ChildNullReplacesABaseMapping()
    {
        using var dir = new TempConfigDir();
        dir.Write("base.yml", "m: {a: 1}\n");
        var root = BaseConfigResolver.Resolve(dir.Write("child.yml", "_base_: base.yml\nm: null\n"));
        Assert.That(V(root, "m"), Is.Null);
    }

    [Test]
    public void MissingBaseFileNamesTheIncludingFileAndLine()
    {
        using var dir = new TempConfigDir();
        var child = dir.Write("child.yml", "iters: 1\n_base_:\n  - ok.yml\n  - missing.yml\n");
        dir.Write("ok.yml", "a: 1\n");
        var e = Assert.Throws<ConfigException>(() => BaseConfigResolver.Resolve(child));
        Assert.That(e.Message, Does.Match(@"child\.yml:4:5: base config 'missing\.yml' not found"));
    }

    [Test]
    public void BaseCyclesAreReported()
    {
        using var dir = new TempConfigDir();
        dir.Write("a.yml", "_base_: b.yml\n");
        var b = dir.Write("b.yml", "_base_: a.yml\n");
        var e = Assert.Throws<ConfigException>(() => BaseConfigResolver.Resolve(b));
        Assert.That(e.Message, Does.Contain("includes itself"));
    }

    [TestCase("_base_: 3\n", "_base_ must be a file name")]
    [TestCase("_base_: [a.yml, [b]]\n", "each _base_ entry must be a file name")]
    public void BadBaseValuesAreReported(string yaml, string expected)
    {
        using var dir = new TempConfigDir();
        dir.Write("a.yml", "x: 1\n");
        var e = Assert.Throws<ConfigException>(() => BaseConfigResolver.Resolve(dir.Write("c.yml", yaml)));
        Assert.That(e.Message, Does.Contain("c.yml:1:").And.Contain(expected));
    }

    [Test]
    public void MissingOrNonYamlConfigPathIsReported()
    {
        using var dir = new TempConfigDir();
        Assert.That(() => BaseConfigResolver.Resolve(Path.Combine(dir.Root, "nope.yml")), Throws.TypeOf<ConfigException>().With.Message.Contain("does not exist"));
        Assert.That(() => BaseConfigResolver.Resolve(dir.Write("c.txt", "a: 1")), Throws.TypeOf<ConfigException>().With.Message.Contain(".yml or .yaml"));
    }
}
