using System.Text;
using Seg.Pssl.Npy;

namespace Seg.Pssl.Tests;

public class NpzReaderTests
{
    private static string Cases => Path.Combine(TestPaths.Fixtures, "pssl", "cases.npz");

    private static readonly string[] CaseNames = ["bool", "i1", "u2_big", "i2_fortran", "u4", "i8_big_v2", "u8_v3", "scalar", "empty"];

    [TestCaseSource(nameof(CaseNames))]
    public void Reads_values_and_shape_as_numpy_wrote_them(string key)
    {
        using var expected = SafeTensors.Load(Path.Combine(TestPaths.Fixtures, "pssl", "cases.safetensors"));
        var array = NpzReader.ReadArray(Cases, key);
        Assert.That(array.Values, Is.EqualTo(expected[key].data<long>()));
        var count = array.Shape.Aggregate(1L, (a, b) => a * b);
        Assert.That(count, Is.EqualTo(array.Values.Count));
    }

    [Test]
    public void Shapes_and_descrs_follow_the_header()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NpzReader.ReadArray(Cases, "i2_fortran").Shape, Is.EqualTo(new long[] { 3, 4, 2 }));
            Assert.That(NpzReader.ReadArray(Cases, "u2_big").Descr, Is.EqualTo(">u2"));
            Assert.That(NpzReader.ReadArray(Cases, "bool").Descr, Is.EqualTo("|b1"));
            Assert.That(NpzReader.ReadArray(Cases, "scalar").Shape, Is.Empty);
            Assert.That(NpzReader.ReadArray(Cases, "empty").Shape, Is.EqualTo(new long[] { 0, 3 }));
        });
    }

    [Test]
    public void Lists_keys() =>
        Assert.That(NpzReader.ReadKeys(Cases), Is.EquivalentTo(CaseNames.Append("float")));

    [Test]
    public void Float_dtype_is_refused_by_name()
    {
        var e = Assert.Throws<NpyFormatException>(() => NpzReader.ReadArray(Cases, "float"))!;
        Assert.That(e.Message, Does.Contain("'<f4'").And.Contain("cases.npz [float]"));
    }

    [Test]
    public void Missing_key_names_the_file_and_the_keys()
    {
        var e = Assert.Throws<NpyFormatException>(() => NpzReader.ReadArray(Cases, "arr_0"))!;
        Assert.That(e.Message, Does.Contain("'arr_0'").And.Contain("i1"));
    }

    [Test]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => NpzReader.ReadArray("/nonexistent/x.npz"))!;
        Assert.That(e.Message, Does.Contain("/nonexistent/x.npz"));
    }

    [Test]
    public void Not_a_zip_is_refused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "hello");
            Assert.Throws<NpyFormatException>(() => NpzReader.ReadArray(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("XNUMPY\u0001\u0000", "bad magic")]
    [TestCase("\u0093NUMPY\u0009\u0000", "version 9")]
    [TestCase("\u0093NUMPY\u0001\u0000\u0010\u0000{'descr': '<i4'}", "malformed")]
    [TestCase("\u0093NUMPY\u0001\u0000\u0040\u0000{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }          \n", "truncated")]
    public void Bad_npy_is_refused_with_the_reason(string content, string reason)
    {
        var bytes = Encoding.Latin1.GetBytes(content);
        using var stream = new MemoryStream(bytes);
        var e = Assert.Throws<NpyFormatException>(() => NpyReader.Read(stream, "t.npy"))!;
        Assert.That(e.Message, Does.Contain(reason).And.StartWith("t.npy"));
    }
}
