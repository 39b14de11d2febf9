namespace Seg.Core.Data.Datasets;

/// <summary>
/// The class constants of a fixed dataset type (PaddleSeg's <c>NUM_CLASSES</c>, <c>IMG_CHANNELS</c>, <c>IGNORE_INDEX</c>),
/// read by <see cref="RegistryDatasetDefaults"/> for the config checker.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FixedDatasetAttribute(int numClasses, int imgChannels, int ignoreIndex) : Attribute
{
    public int NumClasses { get; } = numClasses;

    public int ImgChannels { get; } = imgChannels;

    public int IgnoreIndex { get; } = ignoreIndex;
}
