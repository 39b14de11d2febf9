using Seg.Torch.Native;

namespace Seg.Torch;

// Grad-mode scopes: using (torch.no_grad()) { ... }.
public static partial class torch
{
    public static GradModeGuard no_grad() => new(false);

    public static GradModeGuard enable_grad(bool enabled = true) => new(enabled);

    public static GradModeGuard set_grad_enabled(bool enabled) => new(enabled);

    public static bool is_grad_enabled()
    {
        NativeError.Check(LibSegNative.seg_grad_enabled(out var e));
        return e != 0;
    }

    public static InferenceModeGuard inference_mode(bool mode = true) => new(mode);

    public static bool is_inference_mode_enabled()
    {
        NativeError.Check(LibSegNative.seg_inference_mode_enabled(out var e));
        return e != 0;
    }
}
