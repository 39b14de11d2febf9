using System.Globalization;

namespace Seg.Torch;

public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

/// <summary>A device: "cpu", "cuda" or "cuda:N".</summary>
public sealed record Device(DeviceType type, int index = -1)
{
    public static readonly Device CPU = new(DeviceType.CPU);

    public static Device Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var s = spec.Trim().ToLowerInvariant();
        if (s == "cpu") return CPU;
        if (s == "cuda" || s == "gpu") return new Device(DeviceType.CUDA, 0);
        foreach (var prefix in new[] { "cuda:", "gpu:" })
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal) &&
                int.TryParse(s[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                return new Device(DeviceType.CUDA, i);
        }
        throw new ArgumentException($"unknown device '{spec}': expected cpu, cuda or cuda:N");
    }

    public override string ToString() =>
        type == DeviceType.CPU ? "cpu" : index < 0 ? "cuda" : $"cuda:{index.ToString(CultureInfo.InvariantCulture)}";

    public static implicit operator Device(string spec) => Parse(spec);
}
