namespace Seg.Core.Data.Loading;

/// <summary>The files a batch sample came from.</summary>
public sealed record DatasetFiles(string ImagePath, string? LabelPath);
