namespace Seg.Core.Data;

/// <summary>
/// One entry of PaddleSeg's <c>trans_info</c>: the image size (height, width) before a resize or padding, so
/// evaluation can map logits back to the original label (§10.1).
/// </summary>
public sealed record TransInfo(TransInfoKind Kind, long Height, long Width);
