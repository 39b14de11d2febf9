namespace Seg.Core.Data;

/// <summary>What a <see cref="TransInfo"/> entry records: PaddleSeg's <c>'resize'</c> or <c>'padding'</c>.</summary>
public enum TransInfoKind
{
    Resize,
    Padding,
}
