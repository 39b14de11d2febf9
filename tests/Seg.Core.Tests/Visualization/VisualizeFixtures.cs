using Seg.Torch;

namespace Seg.Core.Tests.Visualization;

// tests/fixtures/visualize/, written by tests/fixtures/make_visualize.py.
internal static class VisualizeFixtures
{
    // Shared by tests that open dispose scopes: the first test to touch it must not hand its tensors to its own scope.
    private static readonly Lazy<SafeTensorsFile> FileValue = new(() =>
    {
        var file = SafeTensors.Load(Path.Combine(Dir, "visualize.safetensors"));
        foreach (var (_, t) in file.Tensors) t.DetachFromDisposeScope();
        return file;
    });

    internal static string Dir => Path.Combine(TestPaths.Fixtures, "visualize");

    internal static SafeTensorsFile File => FileValue.Value;

    internal static byte[] Bytes(string name) => File[name].data<byte>();
}
