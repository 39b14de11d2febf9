using Seg.Torch.Modules;

namespace Seg.Torch;

// Layer factories, as torch.nn (PyTorch's argument names and defaults).
public static partial class torch
{
    public static partial class nn
    {
        public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);

        public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
            long dilation = 1, long groups = 1, bool bias = true, PaddingModes padding_mode = PaddingModes.Zeros,
            Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), (dilation, dilation),
                groups, bias, padding_mode, device, dtype);

        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null,
            (long, long)? padding = null, (long, long)? dilation = null, long groups = 1, bool bias = true,
            PaddingModes padding_mode = PaddingModes.Zeros, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1),
                groups, bias, padding_mode, device, dtype);

        /// <summary>momentum in PyTorch's convention (Paddle's 0.9 is torch's 0.1); buffers are "_mean"/"_variance".</summary>
        public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true,
            bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        public static Linear Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_features, out_features, bias, device, dtype);

        public static ReLU ReLU(bool inplace = false) => new(inplace);

        public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);

        public static Identity Identity() => new();

        public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
            new((kernel_size, kernel_size), stride is { } s ? (s, s) : null, (padding, padding), (dilation, dilation), ceil_mode);

        public static MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
            (long, long)? dilation = null, bool ceil_mode = false) => new(kernel_size, stride, padding, dilation, ceil_mode);

        public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false,
            bool count_include_pad = true, long? divisor_override = null) =>
            new((kernel_size, kernel_size), stride is { } s ? (s, s) : null, (padding, padding), ceil_mode, count_include_pad, divisor_override);

        public static AvgPool2d AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
            bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
            new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

        public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new((output_size, output_size));

        public static AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) output_size) => new(output_size);

        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

        public static ModuleList ModuleList(params Modules.Module[] modules) => new(modules);
    }
}
