using System.Runtime.CompilerServices;
using Seg.Torch;

namespace Seg.Cli.Commands;

// PaddleSeg's set_device for train, val and predict: --device gpu (PaddleSeg's default) uses CUDA when it is there, else
// the CPU with a warning, said once per command (per error stream: `seg quickstart` runs three) and not at all when
// SEG_DEVICE=cpu says the CPU is meant.
internal static class DeviceChoice
{
    internal const string EnvironmentVariable = "SEG_DEVICE";

    private static readonly ConditionalWeakTable<TextWriter, HashSet<string>> Warned = [];

    internal static Device Resolve(string device, string activity, TextWriter error)
    {
        if (device == "cpu") return Device.CPU;
        if (device == "gpu" && torch.cuda.is_available()) return new Device(DeviceType.CUDA, 0);
        if (device == "gpu" && string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "cpu", StringComparison.OrdinalIgnoreCase)) return Device.CPU;
        var said = Warned.GetOrCreateValue(error);
        lock (said)
        {
            if (!said.Add(device)) return Device.CPU;
        }
            error.WriteLine(device == "gpu"
                ? $"warning: --device gpu but CUDA is not available (no GPU visible or a CPU-only libtorch); {activity} on cpu (pass --device cpu or set {EnvironmentVariable}=cpu to silence this)"
                : $"warning: --device {device} is not supported by Seg; {activity} on cpu");
        return Device.CPU;
    }
}
