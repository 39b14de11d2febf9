using System.Reflection;
using Seg.Torch;

namespace Seg.Bench;

/// <summary>
/// The operations the benchmark times, bound by reflection to direct delegates so this project builds
/// before Tensor arithmetic (ops) and conv2d/backward (nn) exist; a missing one is reported and skipped.
/// A delegate made with CreateDelegate is a direct call: no reflection cost per operation.
/// </summary>
internal static class Ops
{
    internal delegate Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, long stride, long padding, long dilation, long groups);

    internal delegate void Backward(Tensor self, Tensor? gradient, bool? retain_graph, bool create_graph);

    internal static readonly Func<Tensor, Tensor, Tensor>? Add =
        Bind<Func<Tensor, Tensor, Tensor>>(typeof(Tensor).GetMethod("op_Addition", [typeof(Tensor), typeof(Tensor)]));

    internal static readonly Conv2d? Conv =
        Bind<Conv2d>(FunctionalType()?.GetMethod("conv2d", [typeof(Tensor), typeof(Tensor), typeof(Tensor), typeof(long), typeof(long), typeof(long), typeof(long)]));

    internal static readonly Backward? BackwardOf =
        Bind<Backward>(typeof(Tensor).GetMethod("backward", [typeof(Tensor), typeof(bool?), typeof(bool)]));

    private static Type? FunctionalType() => typeof(torch).Assembly.GetType("Seg.Torch.torch+nn+functional");

    private static T? Bind<T>(MethodInfo? method) where T : Delegate =>
        method == null ? null : (T)Delegate.CreateDelegate(typeof(T), method);
}
