using System.Globalization;
using System.Text;
using System.Text.Json;
using Seg.Core.Contracts;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Cli.Commands;

// What `seg model summary` prints: a module table (text) or the state dict (json).
internal static class ModelSummary
{
    private const int TableDepth = 3;

    /// <summary>params: the elements of every parameter, trainable or frozen (buffers excluded).</summary>
    internal static void WriteJson(Module model, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("params", model.parameter_count());
            json.WriteStartArray("state_dict");
            foreach (var (key, tensor) in model.state_dict())
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                json.WriteStartArray("shape");
                foreach (var d in tensor.shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static void WriteText(SegModel model, (int W, int H)? inputSize, TextWriter output)
    {
        var rows = model.named_modules()
            .Where(m => Depth(m.name) <= TableDepth)
            .Select(m => (Name: m.name.Length == 0 ? "(model)" : m.name, Type: m.module.name, Params: m.module.parameter_count()))
            .ToList();
        var nameWidth = Math.Max(6, rows.Max(r => r.Name.Length));
        var typeWidth = Math.Max(4, rows.Max(r => r.Type.Length));
        output.WriteLine($"{"module".PadRight(nameWidth)}  {"type".PadRight(typeWidth)}  {"params",12}");
        foreach (var (name, type, count) in rows)
            output.WriteLine($"{name.PadRight(nameWidth)}  {type.PadRight(typeWidth)}  {Format(count),12}");

        var parameters = model.parameters().ToList();
        var trainable = parameters.Where(p => p.requires_grad).Sum(p => p.numel());
        var frozen = parameters.Where(p => !p.requires_grad).Sum(p => p.numel());
        var buffers = model.buffers().Sum(b => b.numel());
        output.WriteLine();
        output.WriteLine($"Total params: {Format(trainable + frozen)} (trainable {Format(trainable)}, frozen {Format(frozen)})");
        output.WriteLine($"Buffers: {Format(buffers)} elements; state dict: {model.state_dict().Count} tensors; classes: {model.NumClasses}");
        if (inputSize is { } size) WriteOutputShapes(model, size.W, size.H, output);
    }

    // Train mode needs two images: BatchNorm over 1×1 pooled features needs more than one value per channel.
    private static void WriteOutputShapes(SegModel model, int w, int h, TextWriter output)
    {
        using var scope = torch.NewDisposeScope();
        using var grad = torch.no_grad();
        foreach (var (mode, n) in new[] { ("eval", 1), ("train", 2) })
        {
            model.train(mode == "train");
            var outputs = model.call(torch.zeros([n, 3, h, w]));
            output.WriteLine($"Outputs ({mode}, input [{n}, 3, {h}, {w}]): {string.Join(", ", outputs.Select(t => "[" + string.Join(", ", t.shape) + "]"))}");
        }
    }

    private static int Depth(string name) => name.Length == 0 ? 0 : name.Count(c => c == '.') + 1;

    private static string Format(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
