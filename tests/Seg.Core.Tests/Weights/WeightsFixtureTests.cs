using Seg.Core.Weights;
using Seg.Torch;

namespace Seg.Core.Tests.Weights;

// Files written by Debian's Python (tests/fixtures/make_weights.py) read bit-exactly: paddle.save-style .pdparams of every
// pickle protocol, dtype and memory order, torch.save zips with views, and PaddleSeg's model-zoo archives.
public class WeightsFixtureTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.Fixtures, "weights", name);

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void A_pdparams_of_every_protocol_reads_every_dtype_and_order_bit_exactly(int protocol)
    {
        using var weights = WeightsLoader.Load(Fixture($"arrays_p{protocol}.pdparams"));
        using var expected = SafeTensors.Load(Fixture("arrays.safetensors"));

        Assert.That(weights.Format, Is.EqualTo(WeightsFormat.Pdparams));
        WeightsAssert.BitExact(weights.Tensors, expected.Tensors); // StructuredToParameterName@@ is not a tensor
        Assert.That(weights.Tensors.Select(t => t.Value.dtype).Distinct(), Is.SupersetOf(new[]
        {
            ScalarType.Float32, ScalarType.Float64, ScalarType.Float16, ScalarType.Int64, ScalarType.Int32, ScalarType.Int16,
            ScalarType.Int8, ScalarType.Byte, ScalarType.Bool,
        }));
        // Independent of the expected file: a Fortran-order array keeps its logical layout.
        var f = weights.Tensors.Single(t => t.Key == "u8_fortran").Value;
        Assert.That(f.data<byte>(), Is.EqualTo(new byte[] { 0, 1, 254, 255, 7, 9 }));
        Assert.That(weights.Tensors.Single(t => t.Key == "bn._mean").Value.item<float>(), Is.EqualTo(3.5f));
    }

    [Test]
    public void A_torch_save_zip_reads_every_dtype_and_strided_views_bit_exactly()
    {
        using var weights = WeightsLoader.Load(Fixture("state_dict.pth"));
        using var expected = SafeTensors.Load(Fixture("state_dict.safetensors"));

        Assert.That(weights.Format, Is.EqualTo(WeightsFormat.TorchZip));
        WeightsAssert.BitExact(weights.Tensors, expected.Tensors);
        var t = weights.Tensors.ToDictionary(kv => kv.Key, kv => kv.Value);
        using var transposedBack = t["transposed"].permute(1, 0).contiguous();
        Assert.That(transposedBack.equal(t["base"]), Is.True);
    }

    [TestCase("zoo.tar.gz")]
    [TestCase("zoo.tar")]
    [TestCase("zoo.zip")]
    public void A_model_zoo_archive_reads_its_model_pdparams(string archive)
    {
        using var weights = WeightsLoader.Load(Fixture(archive));
        using var expected = WeightsLoader.Load(Fixture("small_p4.pdparams"));

        Assert.That(weights.Source, Is.EqualTo($"{Fixture(archive)}!PP_Test/model.pdparams"));
        WeightsAssert.BitExact(weights.Tensors, expected.Tensors);
        Assert.That(expected.Tensors.Select(kv => kv.Key), Is.EqualTo(new[] { "backbone.conv.weight", "i64", "bool" }));
    }

    [Test]
    public void A_paddleseg_checkpoint_folder_reads_its_model_pdparams()
    {
        var dir = Directory.CreateTempSubdirectory("seg-weights-").FullName;
        try
        {
            File.Copy(Fixture("small_p4.pdparams"), Path.Combine(dir, "model.pdparams"));
            using var weights = WeightsLoader.Load(dir);
            Assert.That(weights.Source, Is.EqualTo(Path.Combine(dir, "model.pdparams")));
            Assert.That(weights.Tensors, Has.Count.EqualTo(3));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void The_legacy_torch_save_format_is_refused_with_how_to_resave_it()
    {
        var e = Assert.Throws<WeightsFormatException>(() => WeightsLoader.Load(Fixture("legacy.pth")))!;
        Assert.That(e.Message, Does.StartWith(Fixture("legacy.pth")).And.Contain("legacy torch.save format").And.Contain("torch.save(torch.load(old), new)"));
    }

    [Test]
    public void A_file_of_no_known_format_is_refused_naming_the_formats()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-notweights-{Guid.NewGuid():N}.pdparams");
        File.WriteAllText(path, "hello");
        try
        {
            var e = Assert.Throws<WeightsFormatException>(() => WeightsLoader.Load(path))!;
            Assert.That(e.Message, Does.Contain(path).And.Contain(".pdparams").And.Contain(".safetensors"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_safetensors_file_whose_header_length_starts_with_the_pickle_byte_is_still_safetensors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-st-0x80-{Guid.NewGuid():N}.safetensors");
        using var t = torch.ones(2);
        try
        {
            for (var pad = 0; ; pad++)
            {
                SafeTensors.Save(path, [new("w", t)], new Dictionary<string, string> { ["pad"] = new string('x', pad) });
                if (File.ReadAllBytes(path)[0] == 0x80) break;
            }
            using var weights = WeightsLoader.Load(path);
            Assert.That(weights.Format, Is.EqualTo(WeightsFormat.SafeTensors));
            Assert.That(weights.Tensors.Single().Value.equal(t), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
