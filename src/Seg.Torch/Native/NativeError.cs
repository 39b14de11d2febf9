using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Turns a failed native call into the matching .NET exception with libtorch's own message.
internal static class NativeError
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Check(int rc)
    {
        if (rc != 0) throw Last(rc);
    }

    internal static unsafe Exception Last(int rc)
    {
        string message = "libsegnative call failed", backtrace = "";
        if (LibSegNative.seg_last_error(out var kind, out var msg, out var bt) == 0)
        {
            message = Marshal.PtrToStringUTF8((IntPtr)msg) ?? message;
            backtrace = Marshal.PtrToStringUTF8((IntPtr)bt) ?? "";
            rc = kind;
        }
        return (TorchErrorKind)rc switch
        {
            TorchErrorKind.Index => new TorchIndexException(message, backtrace),
            TorchErrorKind.Value => new TorchValueException(message, backtrace),
            TorchErrorKind.Type => new TorchTypeException(message, backtrace),
            TorchErrorKind.NotImplemented => new TorchNotImplementedException(message, backtrace),
            TorchErrorKind.OutOfMemory => new TorchOutOfMemoryException(message, backtrace),
            TorchErrorKind.Argument => new ArgumentException(message),
            _ => new TorchException(message, backtrace),
        };
    }
}
