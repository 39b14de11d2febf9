using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>
/// <c>interpolate(Source, Size, bilinear, AlignCorners)</c> not computed yet: the pending state of a
/// tensor made by <see cref="torch.nn.functional.upsample_bilinear_deferred"/>. Source is an alias that the
/// deferred tensor owns.
/// </summary>
public sealed class DeferredUpsample
{
    internal DeferredUpsample(Tensor source, long[] size, bool alignCorners, bool gradEnabled)
    {
        AlignCorners = alignCorners;
        Source = source;
        Size = size;
        GradEnabled = gradEnabled;
    }

    /// <summary>The low-resolution tensor [N, C, h, w].</summary>
    public Tensor Source { get; }

    /// <summary>The output size [H, W].</summary>
    public IReadOnlyList<long> Size { get; }

    public bool AlignCorners { get; }

    /// <summary>Whether grad mode was on when the upsample was requested (it is computed under the same mode).</summary>
    public bool GradEnabled { get; }

    /// <summary>Whether the fused upsample losses (<c>upsample_cross_entropy</c>, <c>upsample_nll</c>) take this source: float32 on the CPU.</summary>
    public bool FusedLossSupported => Source.dtype == ScalarType.Float32 && Source.device.type == DeviceType.CPU;

    internal unsafe IntPtr Compute()
    {
        var size = Size.ToArray();
        fixed (long* s = size)
        {
            Tensor.Check(LibSegNative.seg_interpolate(Source.handle, (int)InterpolationMode.Bilinear, s, size.Length, null, 0, AlignCorners ? 1 : 0, out var r));
            return r;
        }
    }

    internal void Release() => Source.Dispose();
}
