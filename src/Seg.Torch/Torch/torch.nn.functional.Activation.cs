using Seg.Torch.Native;

namespace Seg.Torch;

// Pointwise activations. In-place forms modify the input and return a new handle to it.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            // Kind codes of native/src/nn_activation.cpp.
            private enum Activation { Relu = 0, Relu6 = 1, LeakyRelu = 2, Hardswish = 3, Hardsigmoid = 4, Gelu = 5, GeluTanh = 6, Sigmoid = 7, Silu = 8, Tanh = 9, Elu = 10 }

            private static Tensor Activate(Activation kind, Tensor input, bool inplace, double param = 0)
            {
                ArgumentNullException.ThrowIfNull(input);
                return Tensor.Result(LibSegNative.seg_activation((int)kind, input.handle, param, inplace ? 1 : 0, out var r), r);
            }

            public static Tensor relu(Tensor input, bool inplace = false) => Activate(Activation.Relu, input, inplace);

            /// <summary>min(max(0, x), 6).</summary>
            public static Tensor relu6(Tensor input, bool inplace = false) => Activate(Activation.Relu6, input, inplace);

            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false) =>
                Activate(Activation.LeakyRelu, input, inplace, negative_slope);

            public static Tensor elu(Tensor input, double alpha = 1.0, bool inplace = false) => Activate(Activation.Elu, input, inplace, alpha);

            public static Tensor hardswish(Tensor input, bool inplace = false) => Activate(Activation.Hardswish, input, inplace);

            public static Tensor hardsigmoid(Tensor input, bool inplace = false) => Activate(Activation.Hardsigmoid, input, inplace);

            /// <summary>GELU; <paramref name="approximate"/> is "none" (exact, erf) or "tanh".</summary>
            public static Tensor gelu(Tensor input, string approximate = "none") => approximate switch
            {
                "none" => Activate(Activation.Gelu, input, false),
                "tanh" => Activate(Activation.GeluTanh, input, false),
                _ => throw new ArgumentException($"approximate argument must be either none or tanh, got '{approximate}'", nameof(approximate)),
            };

            public static Tensor sigmoid(Tensor input, bool inplace = false) => Activate(Activation.Sigmoid, input, inplace);

            /// <summary>x * sigmoid(x).</summary>
            public static Tensor silu(Tensor input, bool inplace = false) => Activate(Activation.Silu, input, inplace);

            public static Tensor tanh(Tensor input, bool inplace = false) => Activate(Activation.Tanh, input, inplace);
        }
    }
}
