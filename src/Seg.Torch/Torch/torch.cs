using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>The entry point, named and shaped like TorchSharp's <c>torch</c> class.</summary>
public static partial class torch
{
    public static readonly ScalarType uint8 = ScalarType.Byte;
    public static readonly ScalarType int8 = ScalarType.Int8;
    public static readonly ScalarType int16 = ScalarType.Int16;
    public static readonly ScalarType int32 = ScalarType.Int32;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType float16 = ScalarType.Float16;
    public static readonly ScalarType bfloat16 = ScalarType.BFloat16;
    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType float64 = ScalarType.Float64;
    public static readonly ScalarType @bool = ScalarType.Bool;

    public static readonly Device CPU = Device.CPU;

    public static Device device(string spec) => Device.Parse(spec);

    public static Device device(DeviceType type, int index = -1) => new(type, index);

    /// <summary>Opens a dispose scope on this thread: tensors created until it is disposed belong to it.</summary>
    public static DisposeScope NewDisposeScope() => DisposeScopeManager.Open();

    public static DisposeScope? CurrentDisposeScope => DisposeScopeManager.Current;

    /// <summary>Runs <paramref name="body"/> in a scope and keeps only its result.</summary>
    public static Tensor WrappedTensorDisposeScope(Func<Tensor> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(body());
    }

    /// <summary>Seeds the CPU generator and all CUDA devices (as torch.manual_seed).</summary>
    public static void manual_seed(long seed) => NativeError.Check(LibSegNative.seg_manual_seed(seed));

    public static void set_num_threads(int threads) => NativeError.Check(LibSegNative.seg_set_num_threads(threads));

    public static int get_num_threads()
    {
        NativeError.Check(LibSegNative.seg_get_num_threads(out var n));
        return n;
    }

    public static void set_num_interop_threads(int threads) => NativeError.Check(LibSegNative.seg_set_num_interop_threads(threads));

    public static int get_num_interop_threads()
    {
        NativeError.Check(LibSegNative.seg_get_num_interop_threads(out var n));
        return n;
    }

    /// <summary>
    /// Every core this process may use. Debian's libtorch starts with one intra-op thread; Seg.Torch
    /// raises it to this at first use (see TorchRuntime).
    /// </summary>
    public static int DefaultThreadCount => Environment.ProcessorCount;

    public static unsafe string parallel_info()
    {
        var buf = stackalloc byte[4096];
        NativeError.Check(LibSegNative.seg_parallel_info(buf, 4096));
        return System.Runtime.InteropServices.Marshal.PtrToStringUTF8((IntPtr)buf) ?? "";
    }

    /// <summary>The libtorch version libsegnative was compiled against.</summary>
    public static string __version__ => NativeLoader.CompiledTorchVersion();

    /// <summary>The libtorch version loaded in this process (from libtorch_cpu.so's file name), if it can be told.</summary>
    public static string? LoadedTorchVersion => NativeLoader.LoadedTorchVersion();

    public static string OpenCvVersion => NativeLoader.OpenCvVersion();
}
