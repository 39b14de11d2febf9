namespace Seg.Torch.Tests.Ops;

// In-place ops return this, change its data exactly as the out-of-place op (tested against PyTorch)
// would, and write through views.
[NonParallelizable]
public class InPlaceTests
{
    public sealed record InPlaceCase(string Name, Func<Tensor, Tensor> InPlace, Func<Tensor, Tensor> OutOfPlace)
    {
        public override string ToString() => Name;
    }

    private static Tensor Other() => torch.tensor(new[] { 0.5f, -2f, 3f, 1.25f });

    private static IEnumerable<InPlaceCase> Cases()
    {
        static InPlaceCase C(string name, Func<Tensor, Tensor> inPlace, Func<Tensor, Tensor> outOfPlace) => new(name, inPlace, outOfPlace);
        yield return C("add_ tensor", t => t.add_(Other()), t => t + Other());
        yield return C("add_ scalar", t => t.add_(2), t => t + 2);
        yield return C("add_ alpha", t => t.add_(Other(), 0.5), t => t.add(Other(), 0.5));
        yield return C("add_ scalar alpha", t => t.add_(2, 3), t => t.add(2, 3));
        yield return C("sub_ tensor", t => t.sub_(Other()), t => t - Other());
        yield return C("sub_ alpha", t => t.sub_(Other(), 2), t => t.sub(Other(), 2));
        yield return C("mul_", t => t.mul_(Other()), t => t * Other());
        yield return C("mul_ scalar", t => t.mul_(-1.5), t => t * -1.5);
        yield return C("div_", t => t.div_(Other()), t => t / Other());
        yield return C("div_ floor", t => t.div_(0.3, "floor"), t => t.div(0.3, "floor"));
        yield return C("remainder_", t => t.remainder_(0.75), t => t.remainder(0.75));
        yield return C("neg_", t => t.neg_(), t => -t);
        yield return C("fill_", t => t.fill_(4.5), t => torch.full_like(t, 4.5));
        yield return C("zero_", t => t.zero_(), t => torch.zeros_like(t));
        yield return C("clamp_", t => t.clamp_(-1, 1), t => t.clamp(-1, 1));
        yield return C("clamp_min_", t => t.clamp_min_(0), t => t.clamp(min: 0));
        yield return C("clamp_max_", t => t.clamp_max_(0), t => t.clamp(max: 0));
        yield return C("exp_", t => t.exp_(), t => t.exp());
        yield return C("sqrt_", t => t.abs_().sqrt_(), t => t.abs().sqrt());
        yield return C("pow_ scalar", t => t.pow_(2), t => t.pow(2));
        yield return C("pow_ tensor", t => t.abs_().pow_(Other()), t => t.abs().pow(Other()));
        yield return C("sigmoid_", t => t.sigmoid_(), t => t.sigmoid());
        yield return C("tanh_", t => t.tanh_(), t => t.tanh());
        yield return C("round_", t => t.mul_(3).round_(), t => (t * 3).round());
        yield return C("addcmul_", t => t.addcmul_(Other(), Other(), 0.5), t => t.addcmul(Other(), Other(), 0.5));
        yield return C("addcdiv_", t => t.addcdiv_(Other(), Other().add(4), 2), t => t.addcdiv(Other(), Other().add(4), 2));
        yield return C("lerp_ scalar", t => t.lerp_(Other(), 0.25), t => t.lerp(Other(), 0.25));
        yield return C("lerp_ tensor", t => t.lerp_(Other(), Other().sigmoid()), t => t.lerp(Other(), Other().sigmoid()));
        yield return C("masked_fill_", t => t.masked_fill_(Other().gt(0), -7), t => t.masked_fill(Other().gt(0), -7));
        yield return C("masked_fill_ tensor", t => t.masked_fill_(Other().gt(0), torch.scalar_tensor(9.0)), t => t.masked_fill(Other().gt(0), 9.0));
        yield return C("scatter_", t => t.scatter_(1, torch.tensor(new long[] { 3, 0 }, [2, 1]), 5.0), t => t.scatter(1, torch.tensor(new long[] { 3, 0 }, [2, 1]), 5.0));
        yield return C("copy_", t => t.copy_(Other()), t => Other().expand(2, 4));
    }

    [TestCaseSource(nameof(Cases))]
    public void Returns_this_and_changes_its_data_like_the_out_of_place_op(InPlaceCase c)
    {
        var before = OpsAssert.SettledLiveCount();
        using (torch.NewDisposeScope())
        {
            torch.manual_seed(3);
            var original = torch.randn(2, 4);
            var expected = c.OutOfPlace(original);
            var t = original.clone();
            var r = c.InPlace(t);
            Assert.That(r, Is.SameAs(t));
            Assert.That(t.ToBytes(), Is.EqualTo(expected.ToBytes()));
            Assert.That(t.dtype, Is.EqualTo(ScalarType.Float32));
        }
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(before));
    }

    [Test]
    public void In_place_on_a_view_writes_through_to_the_base()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(3, 4);
        x.select(0, 1).add_(1);
        x.narrow(1, 2, 2).mul_(0).add_(5);
        x.t()[0].fill_(-1);
        Assert.That(x.data<float>(), Is.EqualTo(new float[] { -1, 0, 5, 5, -1, 1, 5, 5, -1, 0, 5, 5 }));
    }

    [Test]
    public void Self_aliasing_in_place_op_uses_the_old_values()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1f, 2f, 3f });
        x.add_(x).mul_(x);
        Assert.That(x.data<float>(), Is.EqualTo(new[] { 4f, 16f, 36f }));
    }

    [Test]
    public void In_place_op_cannot_change_the_dtype()
    {
        using var scope = torch.NewDisposeScope();
        var i = torch.tensor(new long[] { 1, 2, 3 });
        var e = Assert.Throws<TorchException>(() => i.add_(torch.ones(3)))!;
        Assert.That(e.Message, Does.Contain("result type Float can't be cast to the desired output type Long"));
        Assert.That(i.data<long>(), Is.EqualTo(new long[] { 1, 2, 3 }));
        i.add_(2).mul_(3);
        Assert.That(i.data<long>(), Is.EqualTo(new long[] { 9, 12, 15 }));
    }
}
