using System.Text.Json;
using static Seg.Torch.torch;
using static Seg.Torch.torch.nn.init;

namespace Seg.Torch.Tests.Modules;

public class InitTests
{
    private static readonly (string name, long[] shape, Action<Tensor> fn)[] Cases =
    [
        ("kaiming_uniform_default", [6, 4, 3, 3], w => kaiming_uniform_(w)),
        ("kaiming_uniform_a_fanout", [6, 4, 3, 3], w => kaiming_uniform_(w, a: Math.Sqrt(5), mode: FanInOut.FanOut)),
        ("kaiming_normal_relu_fanout", [8, 4, 3, 3], w => kaiming_normal_(w, mode: FanInOut.FanOut, nonlinearity: NonlinearityType.ReLU)),
        ("kaiming_normal_default", [5, 7], w => kaiming_normal_(w)),
        ("xavier_uniform_gain2", [5, 7], w => xavier_uniform_(w, gain: 2.0)),
        ("xavier_normal", [4, 3, 2, 2], w => xavier_normal_(w)),
        ("normal_1_2", [10], w => normal_(w, 1.0, 2.0)),
        ("uniform_m1_3", [10], w => uniform_(w, -1.0, 3.0)),
        ("trunc_normal_002", [50], w => trunc_normal_(w, std: 0.02)),
        ("constant_2_5", [3, 2], w => constant_(w, 2.5)),
    ];

    [Test]
    public void Each_init_function_equals_pytorch_for_the_same_seed()
    {
        using var fixture = ModuleFixtures.Load("init.safetensors");
        for (var i = 0; i < Cases.Length; i++)
        {
            var (name, shape, fn) = Cases[i];
            manual_seed(100 + i);
            using var w = empty(shape);
            fn(w);
            // trunc_normal_ goes through erfinv, mul and add: allow float rounding there.
            ModuleFixtures.AssertClose(w, fixture[name], name.StartsWith("trunc", StringComparison.Ordinal) ? 1e-7 : 0, name);
        }
    }

    [Test]
    public void Conv2d_and_Linear_default_init_equal_pytorch()
    {
        using var fixture = ModuleFixtures.Load("init.safetensors");
        manual_seed(100 + Cases.Length);
        using (var conv = nn.Conv2d(4, 6, (3, 2), groups: 2))
        {
            ModuleFixtures.AssertClose(conv.weight, fixture["conv_default.weight"], 0, "conv weight");
            ModuleFixtures.AssertClose(conv.bias!, fixture["conv_default.bias"], 0, "conv bias");
        }
        manual_seed(100 + Cases.Length + 1);
        using var lin = nn.Linear(7, 3);
        ModuleFixtures.AssertClose(lin.weight, fixture["linear_default.weight"], 0, "linear weight");
        ModuleFixtures.AssertClose(lin.bias!, fixture["linear_default.bias"], 0, "linear bias");
    }

    [Test]
    public void Gains_equal_pytorch()
    {
        using var fixture = ModuleFixtures.Load("init.safetensors");
        var g = JsonSerializer.Deserialize<Dictionary<string, double>>(fixture.Metadata["gains"])!;
        Assert.Multiple(() =>
        {
            Assert.That(calculate_gain(NonlinearityType.Linear), Is.EqualTo(g["linear"]));
            Assert.That(calculate_gain(NonlinearityType.Tanh), Is.EqualTo(g["tanh"]));
            Assert.That(calculate_gain(NonlinearityType.ReLU), Is.EqualTo(g["relu"]));
            Assert.That(calculate_gain(NonlinearityType.LeakyReLU), Is.EqualTo(g["leaky_relu"]));
            Assert.That(calculate_gain(NonlinearityType.LeakyReLU, 0.2), Is.EqualTo(g["leaky_relu_0.2"]));
            Assert.That(calculate_gain(NonlinearityType.SELU), Is.EqualTo(g["selu"]));
        });
    }

    [Test]
    public void Fan_needs_two_dimensions()
    {
        using var v = zeros(3);
        Assert.That(() => kaiming_uniform_(v), Throws.ArgumentException.With.Message.EqualTo(
            "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"));
    }
}
