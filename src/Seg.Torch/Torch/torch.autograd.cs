using System.Runtime.InteropServices;
using Seg.Torch.Native;

namespace Seg.Torch;

public static partial class torch
{
    /// <summary>Gradients without touching .grad, as torch.autograd.</summary>
    public static partial class autograd
    {
        /// <summary>
        /// The gradients of sum(grad_outputs[i] * outputs[i]) with respect to each input. With
        /// <paramref name="allow_unused"/>, an input the outputs do not depend on gets null. A null
        /// <paramref name="grad_outputs"/> (or a null entry) means ones for a one-element output.
        /// <paramref name="retain_graph"/> defaults to <paramref name="create_graph"/>; with create_graph the
        /// results are differentiable.
        /// </summary>
        public static unsafe Tensor?[] grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor?>? grad_outputs = null,
            bool? retain_graph = null, bool create_graph = false, bool allow_unused = false)
        {
            ArgumentNullException.ThrowIfNull(outputs);
            ArgumentNullException.ThrowIfNull(inputs);
            using var outs = NativeTensorArgs.Lease([.. outputs]);
            using var ins = NativeTensorArgs.Lease([.. inputs]);
            using var gs = NativeTensorArgs.Lease(grad_outputs is null ? [] : [.. grad_outputs]);
            IntPtr list;
            long count;
            fixed (IntPtr* o = outs.Pointers, i = ins.Pointers, g = gs.Pointers)
                NativeError.Check(LibSegNative.seg_autograd_grad(o, outs.Pointers.Length, i, ins.Pointers.Length, g, gs.Pointers.Length,
                    retain_graph is { } r ? (r ? 1 : 0) : -1, create_graph ? 1 : 0, allow_unused ? 1 : 0, out list, out count));
            try
            {
                var result = new Tensor?[count];
                var handles = (IntPtr*)list;
                for (var k = 0; k < count; k++) result[k] = handles[k] == IntPtr.Zero ? null : new Tensor(handles[k]);
                return result;
            }
            finally
            {
                NativeError.Check(LibSegNative.seg_handles_free(list));
            }
        }
    }
}
