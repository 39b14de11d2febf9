namespace Seg.Core.Data;

/// <summary>
/// One entry of PaddleSeg's <c>trans_info</c>: the image size (height, width) before a resize or padding, so
/// evaluation can map logits back to the original label (paddleseg/transforms/transforms.py::Compose, trans_info).
/// </summary>
public sealed record TransInfo(TransInfoKind Kind, long Height, long Width);
