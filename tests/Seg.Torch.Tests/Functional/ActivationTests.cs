using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class ActivationTests
{
    private FunctionalFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new FunctionalFixture("activation.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    private static readonly (string Name, Func<Tensor, Tensor> Fn)[] Cases =
    [
        ("relu", x => relu(x)), ("relu6", x => relu6(x)), ("leaky_relu", x => leaky_relu(x, 0.2)), ("elu", x => elu(x, 0.7)),
        ("hardswish", x => hardswish(x)), ("hardsigmoid", x => hardsigmoid(x)), ("gelu", x => gelu(x)),
        ("gelu_tanh", x => gelu(x, approximate: "tanh")), ("sigmoid", x => sigmoid(x)), ("silu", x => silu(x)), ("tanh", x => tanh(x)),
    ];

    private static IEnumerable<string> Names => Cases.Select(c => c.Name);

    [TestCaseSource(nameof(Names))]
    public void Forward_is_bit_exact_and_gradient_matches_pytorch(string name)
    {
        var fn = Cases.First(c => c.Name == name).Fn;
        fx.Check(name, a => fn(a["x"]), atol: 0, rtol: 0);
    }

    [Test]
    public void Inplace_forms_modify_the_input_and_return_it()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var (name, inplace) in new (string, Func<Tensor, Tensor>)[]
                 {
                     ("relu", x => relu(x, inplace: true)), ("relu6", x => relu6(x, inplace: true)),
                     ("leaky_relu", x => leaky_relu(x, 0.2, inplace: true)), ("hardswish", x => hardswish(x, inplace: true)),
                     ("silu", x => silu(x, inplace: true)), ("sigmoid", x => sigmoid(x, inplace: true)),
                 })
        {
            var x = fx[name + ".x"].clone();
            var r = inplace(x);
            Assert.That(r.data<float>(), Is.EqualTo(fx[name + ".out"].data<float>()), name);
            Assert.That(x.data<float>(), Is.EqualTo(fx[name + ".out"].data<float>()), name + " input modified");
        }
    }

    [Test]
    public void Gelu_rejects_an_unknown_approximation()
    {
        using var x = torch.ones(2);
        Assert.Throws<ArgumentException>(() => gelu(x, "erf"));
    }
}
