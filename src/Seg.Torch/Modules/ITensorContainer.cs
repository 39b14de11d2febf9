namespace Seg.Torch.Modules;

/// <summary>
/// A forward output that is neither a tensor nor a collection of tensors (a record of named feature maps, say):
/// it lists the tensors it holds so that <see cref="Module{TIn, TOut}.call"/> keeps them alive.
/// </summary>
public interface ITensorContainer
{
    IEnumerable<Tensor> Tensors { get; }
}
