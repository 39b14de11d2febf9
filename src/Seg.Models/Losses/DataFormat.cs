using Seg.Core.Registry;

namespace Seg.Models.Losses;

/// <summary>Where a loss finds the class axis of its logits (PaddleSeg's <c>data_format</c>).</summary>
public enum DataFormat
{
    [ConfigName("NCHW")] NCHW,
    [ConfigName("NHWC")] NHWC,
}
