namespace Seg.Cli.Commands;

/// <summary><c>seg predict</c>, with PaddleSeg's tools/predict.py flags and defaults (tools/predict.py::parse_args; there is no --opts).</summary>
public sealed record PredictArguments
{
    public required string Config { get; init; }

    public required string ModelPath { get; init; }

    public required string ImagePath { get; init; }

    public string SaveDir { get; init; } = "./output/result";

    public string Device { get; init; } = "gpu";

    public int DeviceId { get; init; }

    /// <summary><see cref="TestConfigArguments.Augment"/> is --aug_pred.</summary>
    public TestConfigArguments TestConfig { get; init; } = new();

    /// <summary>Flat r g b triples that replace the start of the palette.</summary>
    public IReadOnlyList<int> CustomColor { get; init; } = [];

    public bool UseMultilabel { get; init; }

    public IReadOnlyList<string> Plugins { get; init; } = [];
}
