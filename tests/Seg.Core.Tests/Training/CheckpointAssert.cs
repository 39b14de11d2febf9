using Seg.Torch;

namespace Seg.Core.Tests.Training;

internal static class CheckpointAssert
{
    /// <summary>Every tensor of a safetensors file as name → hex of its bytes (dtype and shape included).</summary>
    internal static Dictionary<string, string> Digest(string path)
    {
        using var file = SafeTensors.Load(path);
        return file.Tensors.ToDictionary(
            kv => kv.Key,
            kv => $"{kv.Value.dtype}[{string.Join(",", kv.Value.shape)}]:{Convert.ToHexString(kv.Value.ToBytes())}");
    }
}
