namespace Seg.Torch.Tests.Ops;

/// <summary>
/// One case of an op fixture: <see cref="Compute"/> builds the result from the file's inputs
/// ("in_" + name) and is compared with the tensor stored under <see cref="Name"/> by make_ops.py.
/// </summary>
public sealed record OpCase(string Name, Func<Func<string, Tensor>, Tensor> Compute)
{
    public override string ToString() => Name;
}

/// <summary>Loads tests/fixtures/ops/&lt;file&gt;.safetensors once and checks cases against it, leak-free.</summary>
[NonParallelizable]
public abstract class OpsFixture(string file)
{
    private SafeTensorsFile? fixture;

    protected SafeTensorsFile Fixture => fixture ?? throw new InvalidOperationException("fixture not loaded");

    protected Tensor In(string name) => Fixture["in_" + name];

    [OneTimeSetUp]
    public void Load() => fixture = SafeTensors.Load(Path.Combine(TestPaths.Fixtures, "ops", file + ".safetensors"));

    [OneTimeTearDown]
    public void Unload() => fixture?.Dispose();

    /// <summary>Computes the case in a dispose scope, compares it and checks that no native handle leaked.</summary>
    protected void Check(OpCase c, bool exact, double rtol = 1e-5, double atol = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(c);
        var before = OpsAssert.SettledLiveCount();
        using (torch.NewDisposeScope())
        {
            var actual = c.Compute(In);
            var expected = Fixture[c.Name];
            if (exact) OpsAssert.Exact(actual, expected, c.Name);
            else OpsAssert.Close(actual, expected, c.Name, rtol, atol);
        }
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(before), $"{c.Name} leaked native handles");
    }
}

internal static class OpsAssert
{
    /// <summary>
    /// The native live-handle count once tensors other tests left to the finalizer are gone, so that
    /// a before/after comparison sees only what happened in between.
    /// </summary>
    internal static long SettledLiveCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return TensorStatistics.NativeLiveCount;
    }

    /// <summary>Same dtype, shape and bytes.</summary>
    internal static void Exact(Tensor actual, Tensor expected, string what)
    {
        Assert.That(actual.dtype, Is.EqualTo(expected.dtype), $"{what}: dtype");
        Assert.That(actual.shape, Is.EqualTo(expected.shape), $"{what}: shape");
        Assert.That(actual.ToBytes(), Is.EqualTo(expected.ToBytes()), $"{what}: values differ from PyTorch's");
    }

    /// <summary>Same dtype and shape; values within atol + rtol * |expected| (integers exactly).</summary>
    internal static void Close(Tensor actual, Tensor expected, string what, double rtol = 1e-5, double atol = 1e-6)
    {
        Assert.That(actual.dtype, Is.EqualTo(expected.dtype), $"{what}: dtype");
        Assert.That(actual.shape, Is.EqualTo(expected.shape), $"{what}: shape");
        using var a = actual.to(ScalarType.Float64);
        using var e = expected.to(ScalarType.Float64);
        var av = a.data<double>();
        var ev = e.data<double>();
        for (var k = 0; k < av.Length; k++)
            if (!(Math.Abs(av[k] - ev[k]) <= atol + rtol * Math.Abs(ev[k])))
                Assert.Fail($"{what}: element {k} is {av[k]}, PyTorch has {ev[k]}");
    }
}
