using Seg.Core.Config;
using Seg.Core.Registry;

namespace Seg.Core.Tests.Registry;

// Small components exercising every binding rule; they record the order in which they are built.
internal static class BuildLog
{
    internal static List<string> Entries { get; } = [];
}

public interface ITestBackbone;

public interface ITestModel;

public interface ITestLoss;

public interface ITestTransform;

public enum TestInterp
{
    [ConfigName("bilinear")] Bilinear,
    [ConfigName("nearest")] Nearest,
}

public sealed record TinyNetOptions
{
    public int InChannels { get; init; } = 3;

    public IReadOnlyList<int> Layers { get; init; } = [2, 2];
}

[SegComponent("TinyNet", ComponentKind.Backbone)]
public sealed class TinyNet : ITestBackbone
{
    public TinyNet(TinyNetOptions options)
    {
        Options = options;
        BuildLog.Entries.Add("TinyNet");
    }

    public TinyNetOptions Options { get; }
}

public sealed record GradClipOptions
{
    public required float ClipNorm { get; init; }
}

public sealed record TinySegOptions
{
    public required int NumClasses { get; init; }

    public required ITestBackbone Backbone { get; init; }

    public float Momentum { get; init; } = 0.9f;

    public double WeightDecay { get; init; } = 4.0e-5;

    public bool AlignCorners { get; init; }

    public string? Pretrained { get; init; }

    public (int, int)? CropSize { get; init; }

    public TestInterp ResizeMode { get; init; } = TestInterp.Bilinear;

    public IReadOnlyList<double> Scales { get; init; } = [1.0];

    public ConfigMap? CustomCfg { get; init; }

    public GradClipOptions? GradClipCfg { get; init; }

    [ConfigName("arm_out_chs")]
    public int[] ArmOutChannels { get; init; } = [64, 96, 128];
}

[SegComponent("TinySeg", ComponentKind.Model)]
public sealed class TinySeg : ITestModel
{
    public TinySeg(TinySegOptions options)
    {
        Options = options;
        BuildLog.Entries.Add("TinySeg");
    }

    public TinySegOptions Options { get; }
}

public sealed record TestCELossOptions
{
    public int IgnoreIndex { get; init; } = 255;

    public IReadOnlyList<float>? Weight { get; init; }
}

[SegComponent("TestCELoss", ComponentKind.Loss)]
public sealed class TestCELoss : ITestLoss
{
    public TestCELoss(TestCELossOptions options)
    {
        Options = options;
        BuildLog.Entries.Add($"TestCELoss({options.IgnoreIndex})");
    }

    public TestCELossOptions Options { get; }
}

public sealed record TestMixedLossOptions
{
    public required IReadOnlyList<ITestLoss> Losses { get; init; }

    public required IReadOnlyList<float> Coef { get; init; }
}

[SegComponent("TestMixedLoss", ComponentKind.Loss)]
public sealed class TestMixedLoss : ITestLoss
{
    public TestMixedLoss(TestMixedLossOptions options)
    {
        Options = options;
        BuildLog.Entries.Add("TestMixedLoss");
    }

    public TestMixedLossOptions Options { get; }
}

public sealed record TestRandomCropOptions
{
    public required IReadOnlyList<int> CropSize { get; init; }
}

[SegComponent("TestRandomCrop", ComponentKind.Transform)]
public sealed class TestRandomCrop(TestRandomCropOptions options) : ITestTransform
{
    public TestRandomCropOptions Options { get; } = options;
}

public sealed record ExplodingOptions
{
    public int Size { get; init; }
}

[SegComponent("Exploding", ComponentKind.Transform)]
public sealed class Exploding : ITestTransform
{
    public Exploding(ExplodingOptions options) =>
        throw new ArgumentOutOfRangeException(nameof(options), $"size must be positive, got {options.Size}");
}

// A model and a backbone sharing one name: allowed, because lookups are scoped by kind.
[SegComponent("TinyNet", ComponentKind.Model)]
public sealed class TinyNetModel(TinyNetOptions options) : ITestModel
{
    public TinyNetOptions Options { get; } = options;
}
