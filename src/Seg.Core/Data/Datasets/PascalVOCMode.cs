using Seg.Core.Registry;

namespace Seg.Core.Data.Datasets;

/// <summary>PascalVOC's <c>mode</c>: its four image sets (trainval and trainaug train as train does).</summary>
public enum PascalVOCMode
{
    [ConfigName("train")] Train,
    [ConfigName("trainval")] TrainVal,
    [ConfigName("trainaug")] TrainAug,
    [ConfigName("val")] Val,
}
