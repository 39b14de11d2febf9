using Seg.Torch.Native;

namespace Seg.Torch;

// Backpropagation from a tensor.
public partial class Tensor
{
    /// <summary>
    /// Accumulates d(this)/d(leaf) into the .grad of every leaf that requires grad. <paramref name="gradient"/>
    /// may be omitted only for a one-element tensor. <paramref name="retain_graph"/> defaults to
    /// <paramref name="create_graph"/>, as in PyTorch.
    /// </summary>
    public void backward(Tensor? gradient = null, bool? retain_graph = null, bool create_graph = false) =>
        Check(LibSegNative.seg_backward(handle, NativeTensorArgs.Optional(gradient), retain_graph is { } r ? (r ? 1 : 0) : -1, create_graph ? 1 : 0));

    /// <summary>Makes this non-leaf tensor keep its .grad during backward.</summary>
    public Tensor retain_grad()
    {
        Check(LibSegNative.seg_tensor_retain_grad(handle));
        return this;
    }

    public bool retains_grad
    {
        get
        {
            Check(LibSegNative.seg_tensor_retains_grad(handle, out var r));
            return r != 0;
        }
    }
}
