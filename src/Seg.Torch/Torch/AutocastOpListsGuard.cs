using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>
/// Custom autocast op lists for a region (Paddle's auto_cast custom_white_list / custom_black_list): each named aten
/// op (<see cref="KnownOps"/>) runs with its <see cref="AutocastOpPolicy"/> inside autocast regions on this thread
/// until Dispose restores the previous policies. Outside an autocast region the ops are unaffected.
/// </summary>
public sealed class AutocastOpListsGuard : IDisposable
{
    /// <summary>The ops a list can name (native/src/autocast_lists.cpp registers an autocast kernel for each).</summary>
    public static IReadOnlyList<string> KnownOps { get; } =
        ["add", "batch_norm", "upsample_bilinear2d", "upsample_nearest2d", "softmax", "log_softmax", "mean", "sum",
         "exp", "log", "pow", "rsqrt", "reciprocal", "layer_norm", "group_norm"];

    private readonly List<(string Op, int Previous)> previous = [];
    private readonly int threadId = Environment.CurrentManagedThreadId;
    private bool disposed;

    internal AutocastOpListsGuard(IReadOnlyDictionary<string, AutocastOpPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        try
        {
            foreach (var (op, policy) in policies)
            {
                NativeError.Check(LibSegNative.seg_autocast_set_op_policy(op, (int)policy, out var old));
                previous.Add((op, old));
            }
        }
        catch
        {
            Restore();
            throw;
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        if (Environment.CurrentManagedThreadId != threadId)
            throw new InvalidOperationException("Autocast op lists were disposed on another thread; they are per thread.");
        disposed = true;
        Restore();
    }

    private void Restore()
    {
        for (var i = previous.Count - 1; i >= 0; i--)
            NativeError.Check(LibSegNative.seg_autocast_set_op_policy(previous[i].Op, previous[i].Previous, out _));
        previous.Clear();
    }
}
