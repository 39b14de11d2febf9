using Seg.Torch.Native;

namespace Seg.Torch.Modules;

// Training mode, device/dtype moves, gradients and visitors.
public abstract partial class Module
{
    /// <summary>True in training mode (the default); set for the whole tree by train()/eval().</summary>
    public bool training { get; private set; } = true;

    /// <summary>Sets training mode on this module and every descendant; returns this module.</summary>
    public virtual Module train(bool mode = true)
    {
        foreach (var m in modules()) m.training = mode;
        return this;
    }

    public Module eval() => train(false);

    /// <summary>Calls <paramref name="fn"/> on every descendant (children first) and then on this module, as PyTorch.</summary>
    public Module apply(Action<Module> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        foreach (var c in modules_.Values) c.apply(fn);
        fn(this);
        return this;
    }

    /// <summary>Moves parameters (with their gradients) and buffers in place, keeping their identity.</summary>
    public Module to(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        Move(-1, (int)device.type, device.index);
        return this;
    }

    /// <summary>Converts floating-point parameters and buffers to <paramref name="dtype"/> (integer buffers stay).</summary>
    public Module to(ScalarType dtype)
    {
        Move((int)dtype, -1, -1);
        return this;
    }

    public Module to(Device device, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(device);
        Move((int)dtype, (int)device.type, device.index);
        return this;
    }

    public Module cpu() => to(Device.CPU);

    public Module cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));

    private unsafe void Move(int dtype, int deviceType, int deviceIndex)
    {
        var all = parameters().Cast<Tensor>().Concat(buffers()).ToList();
        HandleList.Call(all, (p, n) => LibSegNative.seg_tensors_move_(p, n, dtype, deviceType, deviceIndex));
    }

    /// <summary>Clears the gradients of all parameters (set_to_none, PyTorch 2's default) or zeroes them.</summary>
    public unsafe void zero_grad(bool set_to_none = true) =>
        HandleList.Call(parameters().Cast<Tensor>().ToList(), (p, n) => LibSegNative.seg_params_zero_grad(p, n, set_to_none ? 1 : 0));
}
