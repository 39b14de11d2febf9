using System.Buffers.Binary;
using Seg.Reports.TensorBoard;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Reports.Tests.TensorBoard;

public class TensorBoardWriterTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-tb-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Crc32C_matches_the_check_value_and_TFRecord_masks_it()
    {
        // The CRC-32C check value of "123456789" (RFC 3720, iSCSI).
        Assert.That(Crc32C.Compute("123456789"u8), Is.EqualTo(0xE3069283u));
        var crc = 0xE3069283u;
        Assert.That(Crc32C.Masked("123456789"u8), Is.EqualTo(unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u)));
    }

    [Test]
    public void Framing_is_length_crc_data_crc()
    {
        using var stream = new MemoryStream();
        using (var writer = new TfRecordWriter(stream)) writer.Write("abc"u8);
        var bytes = stream.ToArray();
        Assert.That(bytes, Has.Length.EqualTo(8 + 4 + 3 + 4));
        Assert.That(BinaryPrimitives.ReadUInt64LittleEndian(bytes), Is.EqualTo(3UL));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), Is.EqualTo(Crc32C.Masked(bytes.AsSpan(0, 8))));
        Assert.That(bytes.AsSpan(12, 3).ToArray(), Is.EqualTo("abc"u8.ToArray()));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(15)), Is.EqualTo(Crc32C.Masked("abc"u8)));
    }

    [Test]
    public void Python_reads_back_every_scalar_and_image_with_valid_crcs()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));
        var scalars = new (string Tag, double Value, long Step)[]
        {
            ("Train/loss", 1.2345678, 10), ("Train/lr", 0.01, 10), ("Train/loss", 0.0, 20), ("Evaluate/mIoU", -3.5e-7, 20),
            ("Evaluate/IoU/3_café", 1e30, 0), ("Train/ips", 123456.789, long.MaxValue),
        };
        byte[] png;
        using (var scope = torch.NewDisposeScope())
        {
            var pixels = torch.arange(0, 5 * 7 * 3, ScalarType.Int64).remainder(256).to(ScalarType.Byte).reshape(5, 7, 3);
            png = ImageIO.encode_png(pixels, rgb: true);
        }
        string path;
        using (var writer = new TensorBoardWriter(Path.Combine(dir, "vdl_log"), clock))
        {
            path = writer.FilePath;
            foreach (var (tag, value, step) in scalars) writer.AddScalar(tag, value, step);
            writer.AddImage("Evaluate/sample_0", png, 5, 7, 30);
        }

        Assert.That(Path.GetFileName(path), Does.StartWith("events.out.tfevents.1700000000."));
        var events = EventFileReader.Read(path);
        Assert.That(events, Has.Count.EqualTo(1 + scalars.Length + 1));
        Assert.That(events[0].GetProperty("file_version").GetString(), Is.EqualTo("brain.Event:2"));
        foreach (var e in events) Assert.That(e.GetProperty("wall_time").GetDouble(), Is.EqualTo(1_700_000_000.25));
        var read = EventFileReader.Scalars(events);
        Assert.That(read, Is.EqualTo(scalars.Select(s => (s.Tag, s.Step, (double)(float)s.Value)).ToList()));
        var image = events[^1].GetProperty("values")[0];
        Assert.That(image.GetProperty("tag").GetString(), Is.EqualTo("Evaluate/sample_0"));
        Assert.That(events[^1].GetProperty("step").GetInt64(), Is.EqualTo(30));
        var summary = image.GetProperty("image");
        Assert.That((summary.GetProperty("height").GetInt32(), summary.GetProperty("width").GetInt32(), summary.GetProperty("colorspace").GetInt32()), Is.EqualTo((5, 7, 3)));
        Assert.That(Convert.FromBase64String(summary.GetProperty("png").GetString()!), Is.EqualTo(png));
    }

    [Test]
    public void An_unwritable_folder_fails_when_the_writer_opens()
    {
        var file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "x");
        Assert.That(() => new TensorBoardWriter(Path.Combine(file, "vdl_log")), Throws.InstanceOf<IOException>());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
