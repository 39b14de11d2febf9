using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/optim_steps.cpp. Optional tensors are IntPtr (zero = none).
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_optim_sgd_step(TensorHandle param, IntPtr buf, double lr, double momentum, double dampening, double weightDecay, int nesterov, int maximize, out IntPtr newBuf);
    [DllImport(Lib)] internal static extern unsafe int seg_optim_adam_step(TensorHandle param, IntPtr expAvg, IntPtr expAvgSq, IntPtr maxExpAvgSq, double step, double lr, double beta1, double beta2, double eps, double weightDecay, int amsgrad, int maximize, int decoupled, IntPtr* created, out int stepped);
}
