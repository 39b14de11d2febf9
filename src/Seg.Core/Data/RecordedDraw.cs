namespace Seg.Core.Data;

/// <summary>One draw made through <see cref="ISampleRandom"/>: the call and its result (a permutation or noise in <see cref="Values"/>).</summary>
public sealed record RecordedDraw(string Call, double Value, IReadOnlyList<double>? Values = null);
