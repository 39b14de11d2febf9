using Seg.Core.Registry;

namespace Seg.Core.Data.Datasets;

/// <summary>PaddleSeg's dataset <c>mode</c>.</summary>
public enum DatasetMode
{
    [ConfigName("train")] Train,
    [ConfigName("val")] Val,
    [ConfigName("test")] Test,
}
