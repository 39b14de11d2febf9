using System.Text;

namespace Seg.Torch.Distributed;

internal static class NativeText
{
    /// <summary>NUL-terminated UTF-8 for a <c>const char*</c> argument; null stays null.</summary>
    internal static byte[]? Utf8(string? s) => s is null ? null : Encoding.UTF8.GetBytes(s + "\0");
}
