using System.Text.Json;

namespace Seg.Torch.Tests.Modules;

// Loads tests/fixtures/module/*.safetensors (written by make_module.py) and compares tensors.
internal static class ModuleFixtures
{
    internal static SafeTensorsFile Load(string name) => SafeTensors.Load(Path.Combine(TestPaths.Fixtures, "module", name));

    internal static string[] JsonList(SafeTensorsFile file, string key) => JsonSerializer.Deserialize<string[]>(file.Metadata[key])!;

    /// <summary>Equal shapes and values (exactly when tol is 0).</summary>
    internal static void AssertClose(Tensor actual, Tensor expected, double tol = 0, string what = "")
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape), $"{what}: shape");
        Assert.That(actual.dtype, Is.EqualTo(expected.dtype), $"{what}: dtype");
        if (expected.dtype == ScalarType.Float64)
        {
            Assert.That(actual.data<double>(), Is.EqualTo(expected.data<double>()).Within(tol), what);
            return;
        }
        var a = actual.data<float>();
        var e = expected.data<float>();
        if (tol == 0) Assert.That(a, Is.EqualTo(e), what);
        else Assert.That(a, Is.EqualTo(e).Within(tol), what);
    }
}
