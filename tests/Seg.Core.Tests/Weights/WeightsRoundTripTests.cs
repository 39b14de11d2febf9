using Seg.Core.Weights;
using Seg.Torch;

namespace Seg.Core.Tests.Weights;

// Seg -> Python -> Seg: Seg writes .pdparams, .pth and .safetensors; Debian's Python reads the .pdparams with pickle +
// numpy (paddle.load's reader) and the .pth with torch.load(weights_only=True), checks both against the safetensors
// (read by the independent tests/fixtures/safetensors_io.py), and writes them back (.pdparams as protocol 2 with
// Fortran-order arrays, .pth with torch.save); Seg reads those back bit-exactly.
public class WeightsRoundTripTests
{
    private string dir = "";

    [SetUp]
    public void MakeDir() => dir = Directory.CreateTempSubdirectory("seg-roundtrip-").FullName;

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, recursive: true);

    private static List<KeyValuePair<string, Tensor>> Tensors(bool withBFloat16)
    {
        torch.manual_seed(11);
        var list = new List<KeyValuePair<string, Tensor>>
        {
            new("backbone.features.0.conv.weight", torch.randn(8, 3, 3, 3)),
            new("backbone.features.0.bn._mean", torch.randn(8)),
            new("head.f16", torch.randn(3, 4).to(ScalarType.Float16)),
            new("head.f64", torch.randn(2, 2, 2).to(ScalarType.Float64)),
            new("i64", torch.arange(-5, 7).reshape(3, 4)),
            new("i32", torch.arange(0, 5).to(ScalarType.Int32)),
            new("i16", torch.arange(-3, 3).to(ScalarType.Int16)),
            new("i8", torch.arange(-4, 4).to(ScalarType.Int8)),
            new("u8", torch.arange(250, 256).to(ScalarType.Byte)),
            new("flags", torch.tensor(new[] { true, false, true })),
            new("scalar", torch.tensor(new[] { 0.125f }, [])),
            new("empty", torch.zeros(0, 4)),
        };
        if (withBFloat16) list.Add(new("bf16", torch.randn(5).to(ScalarType.BFloat16)));
        return list;
    }

    [Test]
    public void Pdparams_and_pth_written_by_Seg_load_in_Python_and_come_back_bit_exact()
    {
        var plain = Tensors(withBFloat16: false);
        var withBf16 = Tensors(withBFloat16: true);
        try
        {
            string P(string name) => Path.Combine(dir, name);
            WeightsWriter.Save(P("seg.pdparams"), plain, WeightsFormat.Pdparams);
            WeightsWriter.Save(P("seg_plain.safetensors"), plain, WeightsFormat.SafeTensors);
            WeightsWriter.Save(P("seg.pth"), withBf16, WeightsFormat.TorchZip);
            WeightsWriter.Save(P("seg_bf16.safetensors"), withBf16, WeightsFormat.SafeTensors);

            var output = PythonOracle.Run("""
                import pickle, numpy as np, torch, safetensors_io
                d = sys.argv[1]
                with open(f"{d}/seg.pdparams", "rb") as f:
                    pd = pickle.load(f, encoding="latin1")          # what paddle.load does with a .pdparams
                names = pd.pop("StructuredToParameterName@@")
                ref, _ = safetensors_io.load(f"{d}/seg_plain.safetensors")
                assert list(pd) == list(ref) == list(names), (list(pd), list(ref))
                for k, v in pd.items():
                    assert isinstance(v, np.ndarray), k
                    r = ref[k].numpy()
                    assert v.dtype == r.dtype and v.shape == r.shape and v.tobytes() == r.tobytes(), k
                back = {k: np.array(v, order="F") for k, v in pd.items()}
                with open(f"{d}/back.pdparams", "wb") as f:
                    pickle.dump(back, f, protocol=2)
                sd = torch.load(f"{d}/seg.pth", weights_only=True)
                ref, _ = safetensors_io.load(f"{d}/seg_bf16.safetensors")
                assert list(sd) == list(ref), (list(sd), list(ref))
                for k, v in sd.items():
                    assert v.dtype == ref[k].dtype and v.shape == ref[k].shape, k
                    assert torch.equal(v.view(-1).view(torch.uint8) if v.numel() else v, ref[k].view(-1).view(torch.uint8) if v.numel() else ref[k]), k
                torch.save(sd, f"{d}/back.pth")
                print("ok", len(pd), len(sd))
                """, dir);

            Assert.That(output.Trim(), Is.EqualTo($"ok {plain.Count} {withBf16.Count}"));
            using (var back = WeightsLoader.Load(P("back.pdparams"))) WeightsAssert.BitExact(back.Tensors, plain);
            using (var back = WeightsLoader.Load(P("back.pth"))) WeightsAssert.BitExact(back.Tensors, withBf16);
            using (var ours = WeightsLoader.Load(P("seg.pdparams"))) WeightsAssert.BitExact(ours.Tensors, plain);
        }
        finally
        {
            foreach (var t in withBf16.Concat(plain)) t.Value.Dispose();
        }
    }

    [Test]
    public void Bfloat16_cannot_go_to_pdparams_and_nothing_is_written()
    {
        var tensors = Tensors(withBFloat16: true);
        try
        {
            var path = Path.Combine(dir, "out.pdparams");
            Assert.That(() => WeightsWriter.Save(path, tensors, WeightsFormat.Pdparams), Throws.InstanceOf<NotSupportedException>().With.Message.Contains("BFloat16"));
            Assert.That(Directory.GetFileSystemEntries(dir), Is.Empty);
        }
        finally
        {
            foreach (var t in tensors) t.Value.Dispose();
        }
    }
}
