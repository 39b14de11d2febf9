using Seg.Torch.Modules;
using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Modules;

public class ModuleRegistrationTests
{
    [Test]
    public void State_dict_keys_and_order_equal_pytorch_with_paddle_bn_names()
    {
        using var fixture = ModuleFixtures.Load("net.safetensors");
        using var net = new TestNet();
        Assert.Multiple(() =>
        {
            Assert.That(net.state_dict().Keys, Is.EqualTo(ModuleFixtures.JsonList(fixture, "keys")));
            Assert.That(net.named_parameters().Select(p => p.name), Is.EqualTo(ModuleFixtures.JsonList(fixture, "param_keys")));
            Assert.That(net.named_modules().Select(m => m.name), Is.EqualTo(ModuleFixtures.JsonList(fixture, "module_names")));
        });
    }

    private sealed class Renamed : Module<Tensor, Tensor>
    {
        [ComponentName("_conv")] private readonly Conv2d conv = nn.Conv2d(1, 2, 1);
        private readonly Tensor counter = zeros(1);

        public Renamed() : base(nameof(Renamed))
        {
            scale = nn.Parameter(ones(2));
            RegisterComponents();
            register_buffer("scratch", zeros(3), persistent: false);
        }

        public Parameter scale { get; }

        public override Tensor forward(Tensor input) => conv.call(input);
    }

    [Test]
    public void ComponentName_renames_and_auto_properties_use_the_property_name()
    {
        using var scope = NewDisposeScope();
        using var m = new Renamed();
        Assert.Multiple(() =>
        {
            Assert.That(m.state_dict().Keys, Is.EqualTo(new[] { "scale", "counter", "_conv.weight", "_conv.bias" }));
            Assert.That(m.named_buffers().Select(b => b.name), Is.EqualTo(new[] { "counter", "scratch" }));
            Assert.That(m.named_children().Select(c => c.name), Is.EqualTo(new[] { "_conv" }));
            Assert.That(m.get_parameter("_conv.bias").shape, Is.EqualTo(new long[] { 2 }));
            Assert.That(m.has_buffer("scratch") && !m.has_parameter("scratch"), Is.True);
            // Registered tensors belong to the module, not to the open scope.
            Assert.That(scope.Contains(m.get_parameter("scale")), Is.False);
        });
    }

    private sealed class Explicit() : Module<Tensor, Tensor>(nameof(Explicit))
    {
        public override Tensor forward(Tensor input) => input.alias();
    }

    [Test]
    public void Explicit_registration_keeps_order_and_validates_names()
    {
        using var m = new Explicit();
        m.register_buffer("b", zeros(1));
        m.register_parameter("w", nn.Parameter(zeros(2)));
        m.register_module("child", nn.Linear(2, 2));
        m.register_parameter("a", nn.Parameter(zeros(3)));
        using var extra = zeros(1);
        Assert.Multiple(() =>
        {
            Assert.That(m.state_dict().Keys, Is.EqualTo(new[] { "w", "a", "b", "child.weight", "child.bias" }));
            Assert.That(() => m.register_buffer("w", extra), Throws.ArgumentException.With.Message.EqualTo("attribute 'w' already exists"));
            Assert.That(() => m.register_module("x.y", new Explicit()), Throws.ArgumentException.With.Message.Contains("can't contain \".\""));
            Assert.That(() => m.register_parameter("", null), Throws.ArgumentException);
            Assert.That(m.parameter_count(), Is.EqualTo(2 + 3 + 4 + 2));
        });
    }

    [Test]
    public void Parameters_require_grad_and_buffers_do_not()
    {
        using var net = new TestNet();
        Assert.That(net.parameters().All(p => p.requires_grad), Is.True);
        Assert.That(net.buffers().Any(b => b.requires_grad), Is.False);
        using var frozen = nn.Parameter(zeros(2), requires_grad: false);
        Assert.That(frozen.requires_grad, Is.False);
    }

    [Test]
    public void Train_and_eval_propagate_to_every_descendant()
    {
        using var net = new TestNet();
        Assert.That(net.modules().All(m => m.training), Is.True);
        net.eval();
        Assert.That(net.modules().Any(m => m.training), Is.False);
        net.get_submodule("stem").train();
        Assert.Multiple(() =>
        {
            Assert.That(net.training, Is.False);
            Assert.That(net.get_submodule("stem.bn").training, Is.True);
            Assert.That(net.get_submodule("layers.1").training, Is.False);
        });
        var visited = new List<string>();
        net.get_submodule("stem").apply(m => visited.Add(m.name));
        Assert.That(visited, Is.EqualTo(new[] { "Conv2d", "BatchNorm2d", "ReLU", "Block" }));
    }

    [Test]
    public void Dispose_frees_every_owned_tensor()
    {
        var before = TensorStatistics.LiveCount;
        var net = new TestNet();
        Assert.That(TensorStatistics.LiveCount, Is.GreaterThan(before));
        net.Dispose();
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(before));
    }

    [Test]
    public void To_dtype_converts_floating_tensors_in_place_keeping_identity()
    {
        using var net = new TestNet();
        var w = net.get_parameter("stem.conv.weight");
        using (var g = ones(w.shape)) w.grad = g;
        net.to(ScalarType.Float64);
        Assert.Multiple(() =>
        {
            Assert.That(ReferenceEquals(net.get_parameter("stem.conv.weight"), w), Is.True);
            Assert.That(net.state_dict().Values.All(t => t.dtype == ScalarType.Float64), Is.True);
            Assert.That(w.requires_grad, Is.True);
        });
        using var grad = w.grad!;
        Assert.That(grad.dtype, Is.EqualTo(ScalarType.Float64));
    }

    [Test]
    public void Zero_grad_clears_or_zeroes_gradients()
    {
        using var lin = nn.Linear(2, 2);
        using (var g = ones(2, 2)) lin.weight.grad = g;
        lin.zero_grad(set_to_none: false);
        using (var g = lin.weight.grad!) Assert.That(g.data<float>(), Is.All.EqualTo(0f));
        lin.zero_grad();
        Assert.That(lin.weight.grad, Is.Null);
    }
}
