using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/image.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern unsafe int seg_image_decode(byte* data, long nbytes, int mode, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_image_encode([MarshalAs(UnmanagedType.LPUTF8Str)] string ext, TensorHandle t, int rgb, int pngCompression, out IntPtr buffer, out long nbytes);
    [DllImport(Lib)] internal static extern int seg_image_buffer_free(IntPtr buffer);
    [DllImport(Lib)] internal static extern int seg_image_swap_rb(TensorHandle t, out IntPtr result);
}
