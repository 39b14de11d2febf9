namespace Seg.Torch;

public static partial class torch
{
    /// <summary>torch.autocast("cpu", dtype=<paramref name="dtype"/>, enabled=<paramref name="enabled"/>) as a using scope.</summary>
    public static AutocastGuard autocast_cpu(ScalarType dtype = ScalarType.BFloat16, bool enabled = true) => new(enabled, dtype);
}
