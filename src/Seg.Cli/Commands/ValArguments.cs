namespace Seg.Cli.Commands;

/// <summary><c>seg val</c>, with PaddleSeg's tools/val.py flags and defaults (tools/val.py::merge_test_config).</summary>
public sealed record ValArguments
{
    public required string Config { get; init; }

    public string? ModelPath { get; init; }

    public int NumWorkers { get; init; }

    public string Device { get; init; } = "gpu";

    public TestConfigArguments TestConfig { get; init; } = new();

    public string DataFormat { get; init; } = "NCHW";

    /// <summary>PaddleSeg types --auc_roc as Python bool(str): any non-empty value, even "False", is true.</summary>
    public bool AucRoc { get; init; }

    public IReadOnlyList<string> Opts { get; init; } = [];

    public bool UseMultilabel { get; init; }

    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>Where metrics.json (and the confusion matrix) go; null: next to the model weights.</summary>
    public string? SaveDir { get; init; }

    /// <summary>Also write confusion_matrix.csv (and the PNG heat map).</summary>
    public bool ConfusionMatrix { get; init; }

    /// <summary>Also write report.html (with the confusion matrix and validation images).</summary>
    public bool Report { get; init; }
}
