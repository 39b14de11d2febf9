using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/image_extra.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_image_encode_ext([MarshalAs(UnmanagedType.LPUTF8Str)] string ext, TensorHandle t, out IntPtr buffer, out long nbytes);
}
