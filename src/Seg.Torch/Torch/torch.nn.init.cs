using Seg.Torch.Native;

namespace Seg.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// In-place initialisation, as torch.nn.init: the same fan/gain arithmetic and the same draws from
        /// libtorch's default generator, so a manual_seed gives PyTorch's exact values. Runs under no_grad.
        /// </summary>
        public static partial class init
        {
            public enum FanInOut { FanIn, FanOut }

            public enum NonlinearityType { Linear, Conv1D, Conv2D, Conv3D, ConvTranspose1D, ConvTranspose2D, ConvTranspose3D, Sigmoid, Tanh, ReLU, LeakyReLU, SELU }

            /// <summary>The recommended gain for a nonlinearity; <paramref name="param"/> is leaky_relu's negative slope (default 0.01).</summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double? param = null) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
                NonlinearityType.SELU => 3.0 / 4,
                _ => 1,
            };

            /// <summary>(fan_in, fan_out) = (size(1), size(0)) times the receptive field size.</summary>
            public static (long fan_in, long fan_out) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                var shape = tensor.shape;
                if (shape.Length < 2) throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
                long receptive = 1;
                for (var i = 2; i < shape.Length; i++) receptive *= shape[i];
                return (shape[1] * receptive, shape[0] * receptive);
            }

            private static long CorrectFan(Tensor tensor, FanInOut mode)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                return mode == FanInOut.FanIn ? fanIn : fanOut;
            }

            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                Tensor.Check(LibSegNative.seg_init_uniform_(tensor.handle, a, b));
                return tensor;
            }

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                Tensor.Check(LibSegNative.seg_init_normal_(tensor.handle, mean, std));
                return tensor;
            }

            /// <summary>Normal(mean, std) truncated to [a, b], as torch.nn.init.trunc_normal_.</summary>
            public static Tensor trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                Tensor.Check(LibSegNative.seg_init_trunc_normal_(tensor.handle, mean, std, a, b));
                return tensor;
            }

            public static Tensor constant_(Tensor tensor, Scalar val)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                Tensor.Check(LibSegNative.seg_init_fill_(tensor.handle, val.D, val.I, val.Kind));
                return tensor;
            }

            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>U(-bound, bound) with bound = gain·√(3/fan) (He et al.).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>N(0, std²) with std = gain/√fan (He et al.).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
                return normal_(tensor, 0, std);
            }

            /// <summary>U(-a, a) with a = gain·√(6/(fan_in+fan_out)) (Glorot and Bengio).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                var a = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -a, a);
            }

            public static Tensor xavier_normal_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return normal_(tensor, 0, std);
            }
        }
    }
}
