using Seg.Torch;

namespace Seg.Core.Tests.Visualization;

// tests/fixtures/visualize/, written by tests/fixtures/make_visualize.py.
internal static class VisualizeFixtures
{
    private static readonly Lazy<SafeTensorsFile> FileValue = new(() => SafeTensors.Load(Path.Combine(Dir, "visualize.safetensors")));

    internal static string Dir => Path.Combine(TestPaths.Fixtures, "visualize");

    internal static SafeTensorsFile File => FileValue.Value;

    internal static byte[] Bytes(string name) => File[name].data<byte>();
}
