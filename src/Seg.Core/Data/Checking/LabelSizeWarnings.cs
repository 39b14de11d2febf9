using System.Collections.Concurrent;
using Seg.Core.Logging;

namespace Seg.Core.Data.Checking;

/// <summary>
/// Warns, once per label file and process, that a training label is not the size of its image: a resize transform
/// that runs first stretches both to one size and hides the mismatch, misaligning every class boundary.
/// </summary>
public static class LabelSizeWarnings
{
    private static readonly ConcurrentDictionary<string, bool> Warned = new(StringComparer.Ordinal);

    /// <summary>Warns when the sizes differ and this label was not reported yet; returns whether they differ.</summary>
    public static bool Check(string imagePath, string labelPath, long imageHeight, long imageWidth, long labelHeight, long labelWidth)
    {
        if (imageHeight == labelHeight && imageWidth == labelWidth) return false;
        if (Warned.TryAdd(Path.GetFullPath(labelPath), true))
            SegLog.Warning($"the label '{labelPath}' is {labelWidth}x{labelHeight} (w x h) but its image '{imagePath}' is {imageWidth}x{imageHeight}; " +
                "transforms that resize both stretch the label out of register with the image. Run `seg data check --config <config>` to list such files.");
        return true;
    }
}
