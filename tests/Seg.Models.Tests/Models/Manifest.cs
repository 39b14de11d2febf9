using System.Text.Json;

namespace Seg.Models.Tests.Models;

// A PaddleSeg state-dict manifest (../shared/reference/manifests/*.json).
internal sealed record Manifest(
    string Name,
    string ConfigPath,
    IReadOnlyList<(string Key, long[] Shape, string Kind)> StateDict,
    long TrainableParams,
    long FrozenParams,
    long Buffers,
    IReadOnlyList<long[]> EvalShapes,
    IReadOnlyList<long[]> TrainShapes)
{
    internal static readonly string[] Names =
        ["stdcseg_stdc1", "stdcseg_stdc2", "stdcseg_stdc2_pssl", "pp_liteseg_stdc1", "pp_liteseg_stdc1_pssl", "pp_liteseg_stdc2", "pp_liteseg_stdc2_pssl",
         "pspnet_resnet50_vd", "deeplabv3_resnet50_vd", "ocrnet_hrnetw18"];

    internal static Manifest Load(string name)
    {
        var path = Path.Combine(TestPaths.SharedReference, "manifests", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var config = root.GetProperty("paddleseg_config").GetString()!;
        var relative = config.StartsWith("configs/", StringComparison.Ordinal) ? config["configs/".Length..] : config;
        var entries = root.GetProperty("state_dict").EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, Shape(e.GetProperty("shape")), e.GetProperty("kind").GetString()!))
            .ToList();
        var counts = root.GetProperty("counts");
        var outputs = root.GetProperty("output_shapes");
        return new Manifest(name, Path.Combine(TestPaths.PaddleSegConfigs, relative), entries,
            counts.GetProperty("trainable_params").GetInt64(), counts.GetProperty("frozen_params").GetInt64(), counts.GetProperty("buffers").GetInt64(),
            outputs.GetProperty("eval").EnumerateArray().Select(Shape).ToList(),
            outputs.GetProperty("train").EnumerateArray().Select(Shape).ToList());
    }

    private static long[] Shape(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();
}
