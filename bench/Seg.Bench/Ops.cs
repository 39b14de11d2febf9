using System.Reflection;
using Seg.Torch;

namespace Seg.Bench;

/// <summary>
/// Tensor arithmetic (the ops branch) bound by reflection to a direct delegate, so this project builds
/// before it lands on main; a missing operation is reported and its case skipped.
/// A delegate made with CreateDelegate is a direct call: no reflection cost per operation.
/// </summary>
internal static class Ops
{
    internal static readonly Func<Tensor, Tensor, Tensor>? Add =
        Bind<Func<Tensor, Tensor, Tensor>>(typeof(Tensor).GetMethod("op_Addition", [typeof(Tensor), typeof(Tensor)]));

    private static T? Bind<T>(MethodInfo? method) where T : Delegate =>
        method == null ? null : (T)Delegate.CreateDelegate(typeof(T), method);
}
