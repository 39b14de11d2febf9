using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Tests.Data;

// A temporary folder with small images and labels for dataset and loader tests.
internal sealed class TempTree : IDisposable
{
    internal TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), $"seg-data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    internal string Root { get; }

    internal string File(string relative, string text)
    {
        var path = Full(relative);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A w x h PNG: colour (3 channels) or a single-channel label filled with <paramref name="value"/>.</summary>
    internal string Png(string relative, int w, int h, int channels, byte value)
    {
        var path = Full(relative);
        using var t = torch.full(channels == 1 ? [h, w] : [h, w, channels], value, ScalarType.Byte);
        ImageIO.write_png(t, path);
        return path;
    }

    internal string Bytes(string relative, byte[] bytes)
    {
        var path = Full(relative);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Full(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, true);
}
