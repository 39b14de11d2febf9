using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>Live-tensor counters: the tool for proving that a loop does not leak.</summary>
public static class TensorStatistics
{
    private static long live;
    private static long peak;
    private static long created;
    private static long finalized;

    /// <summary>Managed tensors created and not yet released.</summary>
    public static long LiveCount => Interlocked.Read(ref live);

    /// <summary>The largest LiveCount seen since start or the last ResetPeak.</summary>
    public static long PeakCount => Interlocked.Read(ref peak);

    public static long CreatedCount => Interlocked.Read(ref created);

    /// <summary>Tensors that were never disposed and were freed by the GC's finalizer (the safety net).</summary>
    public static long FinalizedCount => Interlocked.Read(ref finalized);

    /// <summary>at::Tensor handles alive inside libsegnative (independent of the managed count).</summary>
    public static long NativeLiveCount
    {
        get
        {
            NativeError.Check(LibSegNative.seg_live_handles(out var n));
            return n;
        }
    }

    public static void ResetPeak() => Interlocked.Exchange(ref peak, LiveCount);

    internal static void OnCreated()
    {
        Interlocked.Increment(ref created);
        var now = Interlocked.Increment(ref live);
        long p;
        while (now > (p = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, p) != p) { }
    }

    internal static void OnReleased() => Interlocked.Decrement(ref live);

    internal static void OnFinalized() => Interlocked.Increment(ref finalized);
}
