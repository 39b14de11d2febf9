namespace Seg.Core.Weights;

/// <summary>What <see cref="PretrainedWeights.Load"/> did: "loaded 812/814; skipped 2: ...".</summary>
public sealed record PretrainedLoadReport(string File, int Loaded, int Total, IReadOnlyList<string> Skipped);
