namespace Seg.Torch.Tests.Core;

[NonParallelizable]
public class DisposeScopeTests
{
    [Test]
    public void Scope_disposes_what_it_owns_and_keeps_what_moved_out()
    {
        var native = TensorStatistics.NativeLiveCount;
        Tensor kept;
        Tensor detached;
        using (var scope = torch.NewDisposeScope())
        {
            var a = torch.ones(3);
            _ = torch.zeros(2);
            kept = torch.rand(4).MoveToOuterDisposeScope();
            detached = torch.rand(5).DetachFromDisposeScope();
            Assert.That(scope.DisposablesCount, Is.EqualTo(2));
            Assert.That(a.OwningScope, Is.SameAs(scope));
        }
        Assert.That(kept.IsDisposed, Is.False);
        Assert.That(detached.IsDisposed, Is.False);
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native + 2));
        kept.Dispose();
        detached.Dispose();
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native));
    }

    [Test]
    public void Nested_scopes_move_to_their_outer_scope()
    {
        using var outer = torch.NewDisposeScope();
        Tensor t;
        using (torch.NewDisposeScope())
        {
            t = torch.ones(1).MoveToOuterDisposeScope();
        }
        Assert.That(t.IsDisposed, Is.False);
        Assert.That(t.OwningScope, Is.SameAs(outer));
        outer.Dispose();
        Assert.That(t.IsDisposed, Is.True);
    }

    [Test]
    public void Out_of_order_disposal_leaks_nothing()
    {
        var native = TensorStatistics.NativeLiveCount;
        var first = torch.NewDisposeScope();
        _ = torch.ones(1);
        var second = torch.NewDisposeScope();
        _ = torch.ones(1);
        first.Dispose();
        _ = torch.ones(1); // belongs to `second`, still open
        second.Dispose();
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native));
        Assert.That(torch.CurrentDisposeScope, Is.Null);
    }

    [Test]
    public void A_scope_cannot_be_disposed_on_another_thread()
    {
        var scope = torch.NewDisposeScope();
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { scope.Dispose(); }
            catch (InvalidOperationException e) { error = e; }
        });
        thread.Start();
        thread.Join();
        Assert.That(error, Is.Not.Null);
        scope.Dispose();
    }

    [Test]
    public void Wrapped_scope_returns_only_the_result()
    {
        var native = TensorStatistics.NativeLiveCount;
        using (var r = torch.WrappedTensorDisposeScope(() =>
        {
            _ = torch.ones(10);
            return torch.zeros(2);
        }))
        {
            Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native + 1));
        }
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native));
    }

    [Test]
    public void Finalizer_is_a_counted_safety_net()
    {
        var finalizedBefore = TensorStatistics.FinalizedCount;
        MakeGarbage();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.That(TensorStatistics.FinalizedCount, Is.GreaterThanOrEqualTo(finalizedBefore + 3));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MakeGarbage()
    {
        for (var i = 0; i < 3; i++) _ = torch.ones(1);
    }
}
