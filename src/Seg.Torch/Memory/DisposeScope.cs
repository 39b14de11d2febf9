namespace Seg.Torch;

/// <summary>
/// Owns every tensor created on its thread while it is the innermost open scope, and disposes those
/// still attached when it is disposed. Scopes belong to the thread that opened them.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private readonly int threadId = Environment.CurrentManagedThreadId;
    private bool disposed;

    internal DisposeScope(DisposeScope? outer) => Outer = outer;

    /// <summary>The scope that was innermost when this one opened (where MoveToOuter sends tensors).</summary>
    public DisposeScope? Outer { get; }

    public int DisposablesCount => tensors.Count;

    public bool IsDisposed => disposed;

    public bool Contains(Tensor t) => tensors.Contains(t);

    internal void Add(Tensor t)
    {
        EnsureUsable();
        tensors.Add(t);
        t.OwningScope = this;
    }

    internal void Remove(Tensor t)
    {
        tensors.Remove(t);
        t.OwningScope = null;
    }

    /// <summary>Moves tensors to the outer scope (or out of any scope when this is the outermost).</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Remove(tensor);
        var outer = Outer;
        while (outer is { IsDisposed: true }) outer = outer.Outer;
        outer?.Add(tensor);
        return tensor;
    }

    /// <summary>Takes a tensor out of scope management: the caller now disposes it.</summary>
    public T Detach<T>(T tensor) where T : Tensor
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Remove(tensor);
        return tensor;
    }

    /// <summary>Adds a tensor made elsewhere (removing it from its previous scope).</summary>
    public T Attach<T>(T tensor) where T : Tensor
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.OwningScope?.Remove(tensor);
        Add(tensor);
        return tensor;
    }

    /// <summary>Disposes everything attached except the given tensors, which move to the outer scope.</summary>
    public void DisposeEverythingBut(params Tensor[] keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        foreach (var t in keep) if (tensors.Contains(t)) MoveToOuter(t);
        DisposeEverything();
    }

    public void DisposeEverything()
    {
        EnsureThread();
        var all = tensors.ToArray();
        tensors.Clear();
        foreach (var t in all)
        {
            t.OwningScope = null;
            t.Dispose();
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        EnsureThread();
        DisposeEverything();
        disposed = true;
        DisposeScopeManager.OnScopeDisposed(this);
    }

    private void EnsureThread()
    {
        if (Environment.CurrentManagedThreadId != threadId)
            throw new InvalidOperationException(
                "A DisposeScope was used on a thread other than the one that opened it. Scopes (like libtorch's grad mode) are per thread: open one inside the worker instead.");
    }

    private void EnsureUsable()
    {
        EnsureThread();
        if (disposed) throw new ObjectDisposedException(nameof(DisposeScope));
    }
}
