using Seg.Torch.Native;

namespace Seg.Torch;

public static partial class torch
{
    /// <summary>CUDA queries; all report "not available" on a CPU-only libtorch.</summary>
    public static partial class cuda
    {
        public static bool is_available()
        {
            NativeError.Check(LibSegNative.seg_cuda_is_available(out var a));
            return a != 0;
        }

        public static int device_count()
        {
            NativeError.Check(LibSegNative.seg_cuda_device_count(out var n));
            return n;
        }

        public static void synchronize(int device = -1) => NativeError.Check(LibSegNative.seg_cuda_synchronize(device));

        /// <summary>Seeds every device (torch.manual_seed already does).</summary>
        public static void manual_seed_all(long seed) => manual_seed(seed);
    }
}
