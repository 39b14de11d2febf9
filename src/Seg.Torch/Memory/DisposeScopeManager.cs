namespace Seg.Torch;

// The per-thread stack of open dispose scopes.
internal static class DisposeScopeManager
{
    [ThreadStatic] private static List<DisposeScope>? stack;

    internal static DisposeScope? Current => stack is { Count: > 0 } s ? s[^1] : null;

    internal static DisposeScope Open()
    {
        stack ??= [];
        var scope = new DisposeScope(Current);
        stack.Add(scope);
        return scope;
    }

    // Scopes may be disposed out of order; each removes only itself, so no other scope's tensors leak.
    internal static void OnScopeDisposed(DisposeScope scope)
    {
        if (stack == null) return;
        var i = stack.LastIndexOf(scope);
        if (i >= 0) stack.RemoveAt(i);
    }

    internal static void Register(Tensor t) => Current?.Add(t);
}
