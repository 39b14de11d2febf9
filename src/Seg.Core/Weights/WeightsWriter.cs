using Seg.Core.Weights.Formats;
using Seg.Torch;

namespace Seg.Core.Weights;

/// <summary>
/// Writes a state dict in the format its file name asks for (<c>.pdparams</c>, <c>.pth</c>/<c>.pt</c>, <c>.safetensors</c>),
/// to a temporary file that is renamed into place, so a failure leaves nothing behind and never a half file.
/// </summary>
public static class WeightsWriter
{
    /// <summary>The format a file name asks for, or null when its extension is none of Seg's.</summary>
    public static WeightsFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".pdparams" => WeightsFormat.Pdparams,
        ".pth" or ".pt" => WeightsFormat.TorchZip,
        ".safetensors" => WeightsFormat.SafeTensors,
        _ => null,
    };

    public static void Save(string path, IReadOnlyList<KeyValuePair<string, Tensor>> tensors, WeightsFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".tmp-{Environment.ProcessId}";
        try
        {
            using (var stream = File.Create(temp))
            {
                switch (format)
                {
                    case WeightsFormat.Pdparams: PdparamsWriter.Write(stream, tensors); break;
                    case WeightsFormat.TorchZip: TorchZipWriter.Write(stream, tensors); break;
                    default: SafeTensors.Save(stream, tensors); break;
                }
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
