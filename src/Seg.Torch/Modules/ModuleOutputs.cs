using System.Collections;
using System.Runtime.CompilerServices;

namespace Seg.Torch.Modules;

// Finds the tensors in a forward output and moves those owned by the call's scope out of it.
internal static class ModuleOutputs
{
    internal static void MoveOut(DisposeScope scope, object? output, Type module)
    {
        foreach (var t in TensorsOf(output, module))
            if (scope.Contains(t)) scope.MoveToOuter(t);
    }

    private static IEnumerable<Tensor> TensorsOf(object? output, Type module) => output switch
    {
        null => [],
        Tensor t => [t],
        ITensorContainer c => c.Tensors,
        IEnumerable<Tensor> many => many,
        ITuple tuple => Enumerable.Range(0, tuple.Length).SelectMany(i => TensorsOf(tuple[i], module)),
        IEnumerable other => other.Cast<object?>().SelectMany(o => TensorsOf(o, module)),
        _ when IsPlainValue(output.GetType()) => [],
        _ => throw new InvalidOperationException(
            $"{module.Name}.forward returned a {output.GetType().Name}, which call() cannot search for tensors: return a tensor, a collection or tuple of tensors, or implement {nameof(ITensorContainer)}"),
    };

    private static bool IsPlainValue(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);
}
