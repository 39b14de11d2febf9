namespace Seg.Reports.Samples;

/// <summary>One validation image beside its prediction and its label (colour-coded), as an RGB PNG.</summary>
public sealed record ValidationSample(string Name, byte[] Png, int Width, int Height);
