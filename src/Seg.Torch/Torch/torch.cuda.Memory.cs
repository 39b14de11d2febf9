using Seg.Torch.Native;

namespace Seg.Torch;

public static partial class torch
{
    // The CUDA caching allocator's statistics. On a CPU-only libtorch (or without a GPU) every
    // query reports 0 and empty_cache / reset_peak_memory_stats do nothing.
    public static partial class cuda
    {
        /// <summary>Whether libsegnative was compiled against a libtorch with CUDA (SEG_WITH_CUDA).</summary>
        public static bool compiled_with_cuda()
        {
            NativeError.Check(LibSegNative.seg_cuda_compiled_with_cuda(out var c));
            return c != 0;
        }

        /// <summary>Returns the cached, unused GPU memory blocks to the driver.</summary>
        public static void empty_cache() => NativeError.Check(LibSegNative.seg_cuda_empty_cache());

        /// <summary>Bytes occupied by tensors on <paramref name="device"/> (-1: the current device).</summary>
        public static long memory_allocated(int device = -1) => Stats(device).allocated;

        public static long memory_allocated(Device device) => memory_allocated(Index(device));

        /// <summary>The peak of <see cref="memory_allocated(int)"/> since the start or the last <see cref="reset_peak_memory_stats(int)"/>.</summary>
        public static long max_memory_allocated(int device = -1) => Stats(device).maxAllocated;

        public static long max_memory_allocated(Device device) => max_memory_allocated(Index(device));

        /// <summary>Bytes the caching allocator holds from the driver (allocated plus cached).</summary>
        public static long memory_reserved(int device = -1) => Stats(device).reserved;

        public static long memory_reserved(Device device) => memory_reserved(Index(device));

        public static long max_memory_reserved(int device = -1) => Stats(device).maxReserved;

        public static long max_memory_reserved(Device device) => max_memory_reserved(Index(device));

        public static void reset_peak_memory_stats(int device = -1) =>
            NativeError.Check(LibSegNative.seg_cuda_reset_peak_memory_stats(device));

        public static void reset_peak_memory_stats(Device device) => reset_peak_memory_stats(Index(device));

        private static (long allocated, long maxAllocated, long reserved, long maxReserved) Stats(int device)
        {
            NativeError.Check(LibSegNative.seg_cuda_memory_stats(device, out var a, out var ma, out var r, out var mr));
            return (a, ma, r, mr);
        }

        private static int Index(Device device)
        {
            ArgumentNullException.ThrowIfNull(device);
            if (device.type != DeviceType.CUDA) throw new ArgumentException($"expected a CUDA device, got {device}", nameof(device));
            return device.index;
        }
    }
}
