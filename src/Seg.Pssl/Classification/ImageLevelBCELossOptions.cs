namespace Seg.Pssl.Classification;

/// <summary>The YAML keys of <c>type: ImageLevelBCELoss</c> (none yet).</summary>
public sealed record ImageLevelBCELossOptions;
