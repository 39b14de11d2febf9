using System.Text.Json;
using Seg.Core.Weights;

namespace Seg.Core.Tests.Weights;

// The malicious corpus (tests/fixtures/make_weights.py): each file is refused with a message naming the file, the byte
// offset and the global that pickletools found independently; nothing runs (no marker file) and nothing is written.
[NonParallelizable]
public class MaliciousWeightsTests
{
    private const string Marker = "/tmp/seg-weights-pwned";

    public sealed record Case(string File, long? Offset, string? Global, string Contains, string? Member)
    {
        public override string ToString() => File;
    }

    public static IEnumerable<Case> Corpus()
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "weights", "malicious", "expected.json"));
        return JsonSerializer.Deserialize<List<Case>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    [TestCaseSource(nameof(Corpus))]
    public void Is_refused_naming_file_offset_and_global_and_runs_and_writes_nothing(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        File.Delete(Marker);
        var dir = Directory.CreateTempSubdirectory("seg-malicious-").FullName;
        try
        {
            var path = Path.Combine(dir, c.File);
            File.Copy(Path.Combine(TestPaths.Fixtures, "weights", "malicious", c.File), path);

            var e = Assert.Throws<WeightsFormatException>(() => WeightsLoader.Load(path))!;

            TestContext.Out.WriteLine(e.Message);
            var source = c.Member is null ? path : $"{path}!{c.Member}";
            Assert.That(e.Message, Does.StartWith(c.Offset is null ? $"{source}: " : $"{source}: byte {c.Offset}: "));
            Assert.That(e.Message, Does.Contain(c.Contains));
            Assert.That(e.Offset, Is.EqualTo(c.Offset));
            Assert.That(e.Global, Is.EqualTo(c.Global));
            Assert.That(File.Exists(Marker), Is.False, "a command ran");
            Assert.That(Directory.GetFileSystemEntries(dir), Is.EqualTo(new[] { path }), "something was written beside the file");
            Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(dir)!, "seg-weights-escaped.txt")), Is.False);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
