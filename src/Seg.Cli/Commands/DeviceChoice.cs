using Seg.Torch;

namespace Seg.Cli.Commands;

// PaddleSeg's set_device for train and val: --device gpu uses CUDA when it is there, else the CPU with a warning.
internal static class DeviceChoice
{
    internal static Device Resolve(string device, string activity, TextWriter error)
    {
        if (device == "cpu") return Device.CPU;
        if (device == "gpu" && torch.cuda.is_available()) return new Device(DeviceType.CUDA, 0);
        error.WriteLine(device == "gpu"
            ? $"warning: --device gpu but CUDA is not available (no GPU visible or a CPU-only libtorch); {activity} on cpu"
            : $"warning: --device {device} is not supported by Seg; {activity} on cpu");
        return Device.CPU;
    }
}
