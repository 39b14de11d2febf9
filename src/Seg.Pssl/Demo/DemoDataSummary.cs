namespace Seg.Pssl.Demo;

/// <summary>The folders and counts <see cref="DemoData.Generate"/> wrote.</summary>
public sealed record DemoDataSummary(string ImagenetRoot, string PsslRoot, string SegRoot, int PsslImages, int SegTrainImages, int SegValImages);
