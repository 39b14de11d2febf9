namespace Seg.Torch;

public static partial class torch
{
    /// <summary>torch.autocast("cpu", dtype=<paramref name="dtype"/>, enabled=<paramref name="enabled"/>) as a using scope.</summary>
    public static AutocastGuard autocast_cpu(ScalarType dtype = ScalarType.BFloat16, bool enabled = true) => new(enabled, dtype);

    /// <summary>torch.autocast("cuda", dtype=<paramref name="dtype"/>, enabled=<paramref name="enabled"/>) as a using scope.</summary>
    public static AutocastGuard autocast_cuda(ScalarType dtype = ScalarType.Float16, bool enabled = true) => new(enabled, dtype, DeviceType.CUDA);

    /// <summary>Custom autocast op lists (aten op name → policy) for a using scope; see <see cref="AutocastOpListsGuard"/>.</summary>
    public static AutocastOpListsGuard autocast_op_lists(IReadOnlyDictionary<string, AutocastOpPolicy> policies) => new(policies);
}
