using Seg.Torch.Native;

namespace Seg.Torch;

// interpolate with PyTorch's argument rules (torch/nn/functional.py, 1.13).
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Resizes [N, C, *spatial] to <paramref name="size"/> or by <paramref name="scale_factor"/> (exactly one
            /// of them, one entry per spatial dim). <paramref name="align_corners"/> may be set only for the
            /// interpolating modes (bilinear, bicubic) and defaults to false. Supported: nearest (3-D to 5-D
            /// input), bilinear and bicubic (4-D input).
            /// </summary>
            public static Tensor interpolate(Tensor input, long[]? size = null, double[]? scale_factor = null, InterpolationMode mode = InterpolationMode.Nearest,
                bool? align_corners = null, bool? recompute_scale_factor = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                var interpolating = mode is InterpolationMode.Linear or InterpolationMode.Bilinear or InterpolationMode.Bicubic or InterpolationMode.Trilinear;
                if (!interpolating && align_corners is not null)
                    throw new ArgumentException("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear", nameof(align_corners));

                var shape = input.shape;
                var spatial = shape.Length - 2;
                var spatialText = "[" + string.Join(", ", shape.Skip(2)) + "]";
                if (size is not null && scale_factor is not null)
                    throw new ArgumentException("only one of size or scale_factor should be defined");
                if (size is not null && size.Length != spatial)
                    throw new ArgumentException($"Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of {spatialText} and output size of [{string.Join(", ", size)}]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.", nameof(size));
                if (scale_factor is not null && scale_factor.Length != spatial)
                    throw new ArgumentException($"Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of {spatialText} and scale_factor of shape [{string.Join(", ", scale_factor)}]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.", nameof(scale_factor));
                if (size is null && scale_factor is null)
                    throw new ArgumentException("either size or scale_factor should be defined");
                if (recompute_scale_factor == true && size is not null)
                    throw new ArgumentException("recompute_scale_factor is not meaningful with an explicit size.", nameof(recompute_scale_factor));

                if (recompute_scale_factor == true && scale_factor is not null)
                {
                    size = new long[spatial];
                    for (var i = 0; i < spatial; i++) size[i] = (long)Math.Floor(shape[i + 2] * scale_factor[i]);
                    scale_factor = null;
                }

                var supported = (mode, shape.Length) is (InterpolationMode.Nearest, 3 or 4 or 5) or (InterpolationMode.Bilinear or InterpolationMode.Bicubic, 4);
                if (!supported)
                {
                    if (mode is InterpolationMode.Bilinear or InterpolationMode.Bicubic && shape.Length is 3 or 5)
                        throw new NotSupportedException($"Got {shape.Length}D input, but {ModeName(mode)} mode needs 4D input");
                    if (shape.Length is < 3 or > 5)
                        throw new NotSupportedException($"Input Error: Only 3D, 4D and 5D input Tensors supported (got {shape.Length}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got {ModeName(mode)})");
                    throw new NotSupportedException($"interpolate mode '{ModeName(mode)}' is not supported by Seg.Torch (supported: nearest, bilinear, bicubic)");
                }
                return Interpolate(input, (int)mode, size ?? [], scale_factor ?? [], align_corners ?? false);
            }

            /// <summary>interpolate with PyTorch's mode strings: "nearest", "bilinear", "bicubic" (and the names of the unsupported modes).</summary>
            public static Tensor interpolate(Tensor input, long[]? size, double[]? scale_factor, string mode, bool? align_corners = null, bool? recompute_scale_factor = null) =>
                interpolate(input, size, scale_factor, ParseMode(mode), align_corners, recompute_scale_factor);

            private static unsafe Tensor Interpolate(Tensor input, int mode, long[] size, double[] scales, bool align_corners)
            {
                fixed (long* s = size)
                fixed (double* f = scales)
                    return Tensor.Result(LibSegNative.seg_interpolate(input.handle, mode, s, size.Length, f, scales.Length, align_corners ? 1 : 0, out var r), r);
            }

            private static readonly (string Name, InterpolationMode Mode)[] ModeNames =
            [
                ("nearest", InterpolationMode.Nearest), ("linear", InterpolationMode.Linear), ("bilinear", InterpolationMode.Bilinear),
                ("bicubic", InterpolationMode.Bicubic), ("trilinear", InterpolationMode.Trilinear), ("area", InterpolationMode.Area),
                ("nearest-exact", InterpolationMode.NearestExact),
            ];

            private static string ModeName(InterpolationMode mode) => ModeNames.First(m => m.Mode == mode).Name;

            private static InterpolationMode ParseMode(string mode)
            {
                foreach (var (name, m) in ModeNames)
                    if (name == mode) return m;
                throw new ArgumentException($"unknown interpolate mode '{mode}' (expected one of: {string.Join(", ", ModeNames.Select(m => m.Name))})", nameof(mode));
            }
        }
    }
}
