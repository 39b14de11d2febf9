using Seg.Torch.Modules;

namespace Seg.Torch.Tests.Memory;

// Module.call runs forward in its own dispose scope: forward bodies are plain tensor code, intermediates are
// freed on return and on an exception, and only the returned tensors reach the caller.
[NonParallelizable]
public class ScopedCallTests
{
    // Plain tensor code that makes several intermediates, then optionally throws midway.
    private sealed class PlainForward(bool throwMidway) : Module<Tensor, Tensor[]>(nameof(PlainForward))
    {
        public override Tensor[] forward(Tensor input)
        {
            var a = input * 2;
            var b = torch.nn.functional.relu(a);
            var c = b + 1;
            if (throwMidway) throw new InvalidOperationException("midway");
            return [c, c.sigmoid()];
        }
    }

    private sealed class Passthrough() : Module<Tensor, Tensor>(nameof(Passthrough))
    {
        public override Tensor forward(Tensor input) => input;
    }

    private sealed record Pair(Tensor First, Tensor Second) : ITensorContainer
    {
        public IEnumerable<Tensor> Tensors => [First, Second];
    }

    private sealed class ReturnsRecord() : Module<Tensor, Pair>(nameof(ReturnsRecord))
    {
        public override Pair forward(Tensor input) => new(torch.nn.functional.relu(input + 1), torch.nn.functional.relu(input - 1));
    }

    private sealed class ReturnsUnknown() : Module<Tensor, object>(nameof(ReturnsUnknown))
    {
        public override object forward(Tensor input) => new { Value = input + 1 };
    }

    [Test]
    public void Only_the_returned_tensors_survive_a_call()
    {
        using var x = torch.randn(2, 3);
        using var net = new PlainForward(throwMidway: false);
        var before = TensorStatistics.LiveCount;
        var outputs = net.call(x);
        Assert.That(TensorStatistics.LiveCount - before, Is.EqualTo(2), "a, b and the scalar temporaries are freed; c and sigmoid(c) are returned");
        Assert.That(outputs.All(t => !t.IsDisposed));
        using (torch.NewDisposeScope())
            Assert.That(outputs[0].allclose(torch.nn.functional.relu(x * 2) + 1), Is.True);
        foreach (var t in outputs) t.Dispose();
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(before));
    }

    [Test]
    public void The_returned_tensors_join_the_callers_scope()
    {
        using var x = torch.randn(2, 3);
        using var net = new PlainForward(throwMidway: false);
        var before = TensorStatistics.LiveCount;
        using (var scope = torch.NewDisposeScope())
        {
            var outputs = net.call(x);
            Assert.That(outputs.All(scope.Contains), Is.True);
        }
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(before));
    }

    [Test]
    public void A_forward_that_throws_midway_frees_its_intermediates_every_time()
    {
        using var x = torch.randn(4, 4);
        using var net = new PlainForward(throwMidway: true);
        var managed = TensorStatistics.LiveCount;
        var native = TensorStatistics.NativeLiveCount;
        for (var i = 0; i < 1000; i++)
            Assert.That(() => net.call(x), Throws.InvalidOperationException.With.Message.EqualTo("midway"));
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(managed), "managed tensors");
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native), "native handles");
    }

    [Test]
    public void An_input_returned_as_is_stays_with_its_owner()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(2);
        using var net = new Passthrough();
        var y = net.call(x);
        Assert.That(y, Is.SameAs(x));
        Assert.That(scope.Contains(x), Is.True, "the caller's scope still owns its input");
    }

    [Test]
    public void Tensors_in_an_ITensorContainer_survive()
    {
        using var x = torch.randn(3);
        using var net = new ReturnsRecord();
        var before = TensorStatistics.LiveCount;
        var pair = net.call(x);
        Assert.That(TensorStatistics.LiveCount - before, Is.EqualTo(2));
        Assert.That(pair.First.IsDisposed || pair.Second.IsDisposed, Is.False);
        pair.First.Dispose();
        pair.Second.Dispose();
    }

    [Test]
    public void An_output_call_cannot_search_is_an_error_naming_the_module()
    {
        using var x = torch.randn(3);
        using var net = new ReturnsUnknown();
        Assert.That(() => net.call(x), Throws.InvalidOperationException.With.Message.Contains("ReturnsUnknown.forward").And.Message.Contains(nameof(ITensorContainer)));
    }
}
