using System.Runtime.CompilerServices;
using Seg.Torch;

namespace Seg.Cli.Commands;

// PaddleSeg's set_device, one rule for train, val and predict: --device gpu (PaddleSeg's default) uses CUDA (GPU
// --device_id where a command has it) when it is there, else the CPU with a warning, said once per command (per error
// stream: `seg quickstart` runs several) and not at all when SEG_DEVICE=cpu says the CPU is meant; a device Seg does not
// run on (xpu, npu, mlu) falls back to the CPU with a warning too; a GPU id that does not exist is an error.
internal static class DeviceChoice
{
    internal const string EnvironmentVariable = "SEG_DEVICE";

    private static readonly ConditionalWeakTable<TextWriter, HashSet<string>> Warned = [];

    /// <exception cref="ArgumentException"><paramref name="deviceId"/> names a GPU that is not there.</exception>
    internal static Device Resolve(string device, string activity, TextWriter error, int deviceId = 0)
    {
        if (device == "cpu") return Device.CPU;
        if (device == "gpu" && torch.cuda.is_available())
        {
            var count = torch.cuda.device_count();
            if (deviceId < 0 || deviceId >= count) throw new ArgumentException($"--device_id {deviceId}: there are {count} GPU(s)");
            return new Device(DeviceType.CUDA, deviceId);
        }
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
