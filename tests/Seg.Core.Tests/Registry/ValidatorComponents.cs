using Seg.Core.Registry;

namespace Seg.Core.Tests.Registry;

// An optimizer, a scheduler and a fixed dataset for the whole-config validation tests.
public sealed record TestMomentumOptions
{
    public float Momentum { get; init; } = 0.9f;

    public double? WeightDecay { get; init; }
}

[SegComponent("Momentum", ComponentKind.Optimizer)]
public sealed class TestMomentum(TestMomentumOptions options)
{
    public TestMomentumOptions Options { get; } = options;
}

public sealed record TestPolynomialDecayOptions
{
    public required double LearningRate { get; init; }

    public double EndLr { get; init; } = 1e-4;

    public double Power { get; init; } = 1.0;
}

[SegComponent("PolynomialDecay", ComponentKind.LrScheduler)]
public sealed class TestPolynomialDecay(TestPolynomialDecayOptions options)
{
    public TestPolynomialDecayOptions Options { get; } = options;
}

public sealed record TestCityOptions
{
    public string DatasetRoot { get; init; } = "data";

    public string Mode { get; init; } = "train";

    public IReadOnlyList<ITestTransform> Transforms { get; init; } = [];
}

[SegComponent("TestCity", ComponentKind.Dataset), DatasetConstants(7, imgChannels: 1, ignoreIndex: 250)]
public sealed class TestCity(TestCityOptions options)
{
    public TestCityOptions Options { get; } = options;
}
