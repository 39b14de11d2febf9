using System.Text.Json;

namespace Seg.Reports.Tests.TensorBoard;

// Reads an event file back through tests/fixtures/tensorboard/read_events.py (Debian's python3-protobuf and protoc on
// the committed .proto files; CRCs checked there) and returns its events.
internal static class EventFileReader
{
    internal static string ProtoRoot => Path.Combine(TestPaths.RepoRoot, "src", "Seg.Reports", "TensorBoard", "proto");

    internal static List<JsonElement> Read(string eventFile)
    {
        var script = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "tensorboard", "read_events.py"));
        var json = PythonOracle.Run(script, eventFile, ProtoRoot);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>(tag, step, value) of every scalar, in file order.</summary>
    internal static List<(string Tag, long Step, double Value)> Scalars(IEnumerable<JsonElement> events) =>
        [.. from e in events
            where e.TryGetProperty("values", out _)
            from v in e.GetProperty("values").EnumerateArray()
            where v.TryGetProperty("simple_value", out _)
            select (v.GetProperty("tag").GetString()!, e.GetProperty("step").GetInt64(), v.GetProperty("simple_value").GetDouble())];
}
