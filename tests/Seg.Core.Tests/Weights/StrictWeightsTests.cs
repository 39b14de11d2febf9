using Seg.Core.Weights;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Tests.Weights;

// Issue 12, case 1: --model_path loads strictly (every key with its shape, nothing extra) or refuses, naming the keys;
// pretrained: stays lenient.
public class StrictWeightsTests
{
    private string dir = "";

    [SetUp]
    public void MakeDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "seg-strict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, recursive: true);

    private static Sequential Net(long classes, bool deeper = false, int seed = 1)
    {
        torch.manual_seed(seed);
        return deeper
            ? new Sequential(torch.nn.Conv2d(2, 4, 3), new BatchNorm2d(4), torch.nn.Conv2d(4, classes, 1), torch.nn.Conv2d(classes, classes, 1))
            : new Sequential(torch.nn.Conv2d(2, 4, 3), new BatchNorm2d(4), torch.nn.Conv2d(4, classes, 1));
    }

    [Test]
    public void AnotherClassCountIsRefusedNamingTheMismatchedKeysAndNothingIsCopied()
    {
        using var trained = Net(19, seed: 2);
        var file = Path.Combine(dir, "model.safetensors");
        trained.save(file);
        using var model = Net(11);
        using var before = model.state_dict()["0.weight"].clone();
        var e = Assert.Throws<WeightsMismatchException>(() => PretrainedWeights.Load(model, dir, TextWriter.Null, strict: true))!;
        Assert.That(e.Message, Does.Contain("only 6/8 weights would load").And.Contain("2 of another shape").And.Contain("2.weight [19,4,1,1] in the file vs [11,4,1,1] in the model"));
        Assert.That(model.state_dict()["0.weight"].equal(before), Is.True, "nothing copied");
        Assert.That(PretrainedWeights.Load(model, dir, TextWriter.Null).Loaded, Is.EqualTo(6), "pretrained: stays lenient");
        Assert.That(model.state_dict()["0.weight"].equal(before), Is.False);
    }

    [Test]
    public void AnotherArchitectureIsRefusedNamingMissingAndUnexpectedKeys()
    {
        using var other = Net(3, deeper: true);
        var file = Path.Combine(dir, "deeper.safetensors");
        other.save(file);
        using var model = Net(3);
        var e = Assert.Throws<WeightsMismatchException>(() => StrictWeights.Check(model, SafeTensors.Load(file).Tensors, file))!;
        Assert.That(e.Message, Does.Contain("not in the model (3.weight, 3.bias)"));

        using var smaller = Net(3);
        smaller.save(file);
        using var deeper = Net(3, deeper: true);
        e = Assert.Throws<WeightsMismatchException>(() => PretrainedWeights.Load(deeper, file, TextWriter.Null, strict: true))!;
        Assert.That(e.Message, Does.Contain("2 missing (3.weight, 3.bias)"));
    }

    [Test]
    public void AFileWithNoneOfTheModelsKeysSaysItIsNotTheseWeights()
    {
        var file = Path.Combine(dir, "optimizer.safetensors");
        SafeTensors.Save(file, [new("state.0.momentum_buffer", torch.zeros(3))]);
        using var model = Net(3);
        var e = Assert.Throws<WeightsMismatchException>(() => PretrainedWeights.Load(model, file, TextWriter.Null, strict: true))!;
        Assert.That(e.Message, Does.Contain("holds none of the").And.Contain("optimizer.safetensors?"));
    }

    [Test]
    public void MatchingWeightsLoadStrictly()
    {
        using var trained = Net(3);
        var file = Path.Combine(dir, "model.safetensors");
        trained.save(file);
        using var model = Net(3);
        Assert.That(PretrainedWeights.Load(model, file, TextWriter.Null, strict: true).Skipped, Is.Empty);
    }
}
