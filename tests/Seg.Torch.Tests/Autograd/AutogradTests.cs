using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Autograd;

public class AutogradTests
{
    // x^3 built from linear on [1, 1] tensors: linear(a, b) = a * b.
    private static Tensor Cube(Tensor x) => linear(linear(x, x), x);

    [TestCase(0.7)]
    [TestCase(-1.3)]
    public void Create_graph_gives_second_derivative_of_x_cubed(double value)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { value }, [1, 1], requires_grad: true);
        var y = Cube(x);
        Assert.That(y.item<double>(), Is.EqualTo(value * value * value).Within(1e-12));
        var dy = torch.autograd.grad([y], [x], create_graph: true)[0]!;
        Assert.That(dy.item<double>(), Is.EqualTo(3 * value * value).Within(1e-12));
        Assert.That(dy.requires_grad, Is.True, "create_graph makes the gradient differentiable");
        var d2y = torch.autograd.grad([dy], [x])[0]!;
        Assert.That(d2y.item<double>(), Is.EqualTo(6 * value).Within(1e-12));
    }

    [Test]
    public void Without_create_graph_the_gradient_is_not_differentiable()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 2.0 }, [1, 1], requires_grad: true);
        var dy = torch.autograd.grad([Cube(x)], [x])[0]!;
        Assert.That(dy.requires_grad, Is.False);
        Assert.That(dy.item<double>(), Is.EqualTo(12.0));
    }

    [Test]
    public void Allow_unused_returns_null_for_an_unused_input()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 0.5, -1.0 }, requires_grad: true);
        var unused = torch.tensor(new[] { 3.0 }, requires_grad: true);
        var y = sigmoid(x);
        var v = torch.tensor(new[] { 1.0, 2.0 });
        var g = torch.autograd.grad([y], [x, unused], [v], retain_graph: true, allow_unused: true);
        Assert.That(g, Has.Length.EqualTo(2));
        Assert.That(g[1], Is.Null);
        var expected = new[] { 0.5, -1.0 }.Select((xi, i) => { var s = 1 / (1 + Math.Exp(-xi)); return (i + 1.0) * s * (1 - s); });
        Assert.That(g[0]!.data<double>(), Is.EqualTo(expected).Within(1e-12));

        var e = Assert.Throws<TorchException>(() => torch.autograd.grad([y], [x, unused], [v]))!;
        Assert.That(e.Message, Does.Contain("One of the differentiated Tensors appears to not have been used in the graph"));
    }

    [Test]
    public void Grad_of_a_non_scalar_output_needs_grad_outputs()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 0.5, -1.0 }, requires_grad: true);
        var e = Assert.Throws<TorchException>(() => torch.autograd.grad([sigmoid(x)], [x]))!;
        Assert.That(e.Message, Does.Contain("grad can be implicitly created only for scalar outputs"));
    }

    [Test]
    public void Backward_accumulates_into_grad_of_leaves()
    {
        using var scope = torch.NewDisposeScope();
        // y = x @ w.T, so d<v, y>/dx = v @ w, computed here.
        double[] xv = [1, 2, 3, 4, 5, 6], wv = [1, 0, -1, 2, 1, 0.5, 0, 3, 1, -2, 1, 1], vv = [1, -1, 2, 0.5, 0, 1, -1, 3];
        var x = torch.tensor(xv, [2, 3], requires_grad: true);
        var w = torch.tensor(wv, [4, 3]);
        var y = linear(x, w);
        var v = torch.tensor(vv, [2, 4]);
        var expected = new double[6];
        for (var n = 0; n < 2; n++)
            for (var i = 0; i < 3; i++)
                for (var o = 0; o < 4; o++)
                    expected[n * 3 + i] += vv[n * 4 + o] * wv[o * 3 + i];

        Assert.That(x.grad, Is.Null);
        y.backward(v, retain_graph: true);
        Assert.That(x.grad!.data<double>(), Is.EqualTo(expected).Within(1e-12));
        Assert.That(w.grad, Is.Null, "w does not require grad");
        y.backward(v);
        Assert.That(x.grad!.data<double>(), Is.EqualTo(expected.Select(e => 2 * e)).Within(1e-12));

        var e = Assert.Throws<TorchException>(() => y.backward(v))!;
        Assert.That(e.Message, Does.Contain("Trying to backward through the graph a second time"));
        x.grad = null;
        Assert.That(x.grad, Is.Null);
    }

    [Test]
    public void Backward_of_a_scalar_needs_no_gradient_and_retain_grad_keeps_intermediate_grads()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 3.0 }, [1, 1], requires_grad: true);
        var h = linear(x, x).retain_grad(); // x^2
        Assert.That(h.retains_grad, Is.True);
        var y = linear(h, x); // x^3
        y.backward();
        Assert.That(x.grad!.item<double>(), Is.EqualTo(27.0));
        Assert.That(h.grad!.item<double>(), Is.EqualTo(3.0), "dy/dh = x");
    }

    [Test]
    public void No_grad_blocks_gradient_recording()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        Tensor y;
        using (torch.no_grad()) y = sigmoid(x);
        Assert.That(y.requires_grad, Is.False);
        var e = Assert.Throws<TorchException>(() => y.backward(torch.ones_like(y)))!;
        Assert.That(e.Message, Does.Contain("does not require grad and does not have a grad_fn"));
        var z = sigmoid(x);
        Assert.That(z.requires_grad, Is.True, "recording resumes after the block");
    }

    [Test]
    public void Disposed_input_is_rejected_before_reaching_native_code()
    {
        var x = torch.tensor(new[] { 1.0 }, requires_grad: true);
        using var y = sigmoid(x);
        x.Dispose();
        Assert.Throws<ObjectDisposedException>(() => torch.autograd.grad([y], [x]));
    }
}
