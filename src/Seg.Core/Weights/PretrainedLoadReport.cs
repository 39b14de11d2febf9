namespace Seg.Core.Weights;

/// <summary>
/// What <see cref="PretrainedWeights.Load"/> did: the file read (empty when there was nothing to load), how many of the
/// module's state-dict entries were loaded out of how many, and one line per skipped entry in state-dict order
/// (<c>head.conv.weight [1001,64,1,1] vs [19,64,1,1]</c>: file shape vs model shape, or <c>key (not in the file)</c>).
/// </summary>
public sealed record PretrainedLoadReport(string File, int Loaded, int Total, IReadOnlyList<string> Skipped)
{
    /// <summary>How many skipped entries <see cref="Summary"/> names before abbreviating.</summary>
    public const int SummaryLimit = 6;

    /// <summary>The keys of the skipped entries, in the order of <see cref="Skipped"/>.</summary>
    public IReadOnlyList<string> SkippedKeys { get; init; } = [];

    /// <summary>One line: <c>loaded 812/814; skipped 2: head.conv.weight [1001,64,1,1] vs [19,64,1,1], ...</c>.</summary>
    public string Summary()
    {
        var text = $"loaded {Loaded}/{Total}";
        if (Skipped.Count == 0) return text;
        var named = string.Join(", ", Skipped.Take(SummaryLimit));
        var more = Skipped.Count > SummaryLimit ? $", ... ({Skipped.Count - SummaryLimit} more)" : "";
        return $"{text}; skipped {Skipped.Count}: {named}{more}";
    }
}
