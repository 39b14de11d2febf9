using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Resize's <c>interp</c> key (cv2 flags by name); RANDOM picks one of the five per call.</summary>
public enum ResizeInterp
{
    [ConfigName("NEAREST")] Nearest,
    [ConfigName("LINEAR")] Linear,
    [ConfigName("CUBIC")] Cubic,
    [ConfigName("AREA")] Area,
    [ConfigName("LANCZOS4")] Lanczos4,
    [ConfigName("RANDOM")] Random,
}
