namespace Seg.Core.Data.Datasets;

/// <summary>One sample of a dataset: the image file and its label file (null in test mode without labels).</summary>
public sealed record DatasetEntry(string ImagePath, string? LabelPath);
