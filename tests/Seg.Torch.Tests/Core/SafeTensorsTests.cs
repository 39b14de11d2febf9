namespace Seg.Torch.Tests.Core;

// safetensors written by Python (tests/fixtures/make_core.py) load here, and ours load in Python.
public class SafeTensorsTests
{
    private static string DtypesFixture => Path.Combine(TestPaths.Fixtures, "core", "dtypes.safetensors");

    [Test]
    public void Python_written_file_loads_with_every_dtype_shape_and_value()
    {
        using var f = SafeTensors.Load(DtypesFixture);
        Assert.That(f.Tensors.Select(t => t.Key), Is.EqualTo(new[] { "f32", "f64", "f16", "bf16", "i64", "i32", "u8", "bool", "scalar", "empty", "rand_seed42", "randn_seed42" }));
        Assert.That(f.Metadata["producer"], Is.EqualTo("make_core.py"));
        Assert.That(f["f32"].shape, Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(f["f16"].dtype, Is.EqualTo(ScalarType.Float16));
        Assert.That(f["bf16"].dtype, Is.EqualTo(ScalarType.BFloat16));
        Assert.That(f["i64"].data<long>(), Is.EqualTo(Enumerable.Range(-6, 12).Select(i => (long)i).ToArray()));
        Assert.That(f["i32"].data<int>(), Is.EqualTo(new[] { int.MaxValue, int.MinValue, 0 }));
        Assert.That(f["u8"].data<byte>(), Is.EqualTo(new byte[] { 0, 1, 254, 255 }));
        Assert.That(f["bool"].data<bool>(), Is.EqualTo(new[] { true, false, true }));
        Assert.That(f["scalar"].shape, Is.Empty);
        Assert.That(f["scalar"].item<float>(), Is.EqualTo(3.5f));
        Assert.That(f["empty"].shape, Is.EqualTo(new long[] { 0, 3 }));
    }

    [Test]
    public void Random_streams_match_pythons_for_the_same_seed()
    {
        using var f = SafeTensors.Load(DtypesFixture);
        torch.manual_seed(42);
        using var r = torch.rand(4, 3);
        Assert.That(r.data<float>(), Is.EqualTo(f["rand_seed42"].data<float>()));
        torch.manual_seed(42);
        using var n = torch.randn(4, 3);
        Assert.That(n.data<float>(), Is.EqualTo(f["randn_seed42"].data<float>()));
    }

    [Test]
    public void Our_file_loads_in_python_with_identical_bytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-st-{Guid.NewGuid():N}.safetensors");
        try
        {
            using var src = SafeTensors.Load(DtypesFixture);
            SafeTensors.Save(path, src.Tensors, new Dictionary<string, string> { ["writer"] = "Seg" });
            var output = PythonOracle.Run("""
                import safetensors_io, torch
                ours, meta = safetensors_io.load(sys.argv[1])
                ref, _ = safetensors_io.load(sys.argv[2])
                assert list(ours) == list(ref), (list(ours), list(ref))
                for k in ref:
                    assert ours[k].dtype == ref[k].dtype and ours[k].shape == ref[k].shape, k
                    assert torch.equal(ours[k].view(-1).view(torch.uint8) if ours[k].numel() else ours[k], ref[k].view(-1).view(torch.uint8) if ref[k].numel() else ref[k]), k
                print(meta["writer"], len(ours))
                """, path, DtypesFixture);
            Assert.That(output.Trim(), Is.EqualTo("Seg 12"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_file_that_is_not_safetensors_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-bad-{Guid.NewGuid():N}.safetensors");
        File.WriteAllText(path, "this is not a tensor file");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path))!;
            Assert.That(e.Message, Does.Contain(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
