using Seg.Torch.Native;

namespace Seg.Torch;

public static partial class torch
{
    public static partial class backends
    {
        /// <summary>Process-wide cuDNN switches (at::globalContext()); settable on CPU builds too, where they have no effect.</summary>
        public static partial class cudnn
        {
            /// <summary>Whether convolutions may use cuDNN (default true).</summary>
            public static bool enabled
            {
                get => Flags().enabled;
                set => NativeError.Check(LibSegNative.seg_cudnn_set_enabled(value ? 1 : 0));
            }

            /// <summary>Whether cuDNN benchmarks algorithms per input shape and keeps the fastest (default false).</summary>
            public static bool benchmark
            {
                get => Flags().benchmark;
                set => NativeError.Check(LibSegNative.seg_cudnn_set_benchmark(value ? 1 : 0));
            }

            /// <summary>Whether cuDNN can be used here: a CUDA libtorch with cuDNN and a GPU.</summary>
            public static bool is_available() => Flags().available;

            private static (bool enabled, bool benchmark, bool available) Flags()
            {
                NativeError.Check(LibSegNative.seg_cudnn_flags(out var e, out var b, out var a));
                return (e != 0, b != 0, a != 0);
            }
        }
    }
}
