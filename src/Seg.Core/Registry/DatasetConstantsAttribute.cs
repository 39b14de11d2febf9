namespace Seg.Core.Registry;

/// <summary>
/// PaddleSeg's class constants of a fixed dataset (<c>NUM_CLASSES</c>, <c>IMG_CHANNELS</c>, <c>IGNORE_INDEX</c>), put
/// on the dataset component so that config loading can inject them into <c>model</c> and <c>loss</c> (see
/// <see cref="RegistryDatasetDefaults"/>): <c>[SegComponent("Cityscapes", ComponentKind.Dataset), DatasetConstants(19)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DatasetConstantsAttribute(long numClasses, long imgChannels = 3, long ignoreIndex = 255) : Attribute
{
    public long NumClasses { get; } = numClasses;

    public long ImgChannels { get; } = imgChannels;

    public long IgnoreIndex { get; } = ignoreIndex;
}
