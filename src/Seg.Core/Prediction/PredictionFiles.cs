namespace Seg.Core.Prediction;

/// <summary>The three files written for one image.</summary>
public sealed record PredictionFiles(string Added, string PseudoColor, string Label);
