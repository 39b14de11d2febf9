namespace Seg.Torch.Tests.Ops;

// Shapes, joins, splits, indexing and padding against PyTorch ("shape" fixture), bit for bit.
public class ShapeTests() : OpsFixture("shape")
{
    private static IEnumerable<OpCase> Cases()
    {
        static OpCase C(string name, Func<Func<string, Tensor>, Tensor> f) => new(name, f);
        yield return C("view", x => x("s").view(4, 6));
        yield return C("reshape_perm", x => x("s").permute(2, 0, 1).reshape(-1, 6));
        yield return C("permute", x => torch.permute(x("s"), 2, 0, 1));
        yield return C("transpose", x => x("s").transpose(0, 2));
        yield return C("t", x => x("s")[0].t());
        yield return C("flatten1", x => x("s").flatten(1));
        yield return C("flatten_all", x => torch.flatten(x("s")));
        yield return C("unflatten", x => x("s").unflatten(2, 2, 2));
        yield return C("squeeze", x => x("s").reshape(1, 2, 1, 12).squeeze());
        yield return C("squeeze_d", x => x("s").reshape(1, 2, 1, 12).squeeze(2));
        yield return C("unsqueeze", x => x("s").unsqueeze(1));
        yield return C("expand", x => x("s").narrow(1, 0, 1).expand(2, 3, 4));
        yield return C("expand_m1", x => x("s").narrow(1, 0, 1).expand(-1, 3, -1));
        yield return C("repeat", x => x("s").repeat(1, 2, 1));
        yield return C("cat", x => torch.cat([x("s"), x("v")], 1));
        yield return C("stack", x => torch.stack([x("s"), x("v")]));
        yield return C("split_0", x => x("s").split(3, 2)[0]);
        yield return C("split_1", x => x("s").split(3, 2)[1]);
        yield return C("splits_0", x => x("s").split([1, 2], 1)[0]);
        yield return C("splits_1", x => torch.split(x("s"), [1L, 2], 1)[1]);
        yield return C("chunk_0", x => x("s").chunk(3, 2)[0]);
        yield return C("chunk_1", x => x("s").chunk(3, 2)[1]);
        yield return C("narrow", x => x("s").narrow(2, 1, 2));
        yield return C("select", x => x("s").select(1, 2));
        yield return C("index0", x => x("s")[1]);
        yield return C("slice", x => x("s").slice(1, 0, 3, 2));
        yield return C("slice_clamp", x => x("s").slice(2, 1, 100, 2));
        yield return C("index_select", x => x("s").index_select(2, torch.tensor(new long[] { 3, 0 })));
        yield return C("gather", x => x("s").gather(2, x("idx")));
        yield return C("scatter", x => torch.zeros(2, 3, 4).scatter(2, x("sidx"), x("src")));
        yield return C("scatter_s", x => torch.zeros(2, 3, 4).scatter(2, x("idx"), 7.0));
        yield return C("scatter_add", x => torch.ones(2, 3, 4).scatter_add(2, x("idx"), x("v").narrow(2, 0, 2)));
        yield return C("index_put_acc", x => x("s").clone().index_put_(
            torch.tensor(new[] { 100f, 200f, 300f }, [3, 1]), [torch.tensor(new long[] { 0, 1, 0 }), torch.tensor(new long[] { 2, 0, 2 })], accumulate: true));
        yield return C("index_adv", x => x("s").index(torch.tensor(new long[] { 1, 0, 1 }), torch.tensor(new long[] { 2, 2, 0 })));
        yield return C("flip", x => x("s").flip(0, 2));
        yield return C("roll", x => x("s").roll(1, 2));
        yield return C("roll2", x => x("s").roll([1, -1], [0, 2]));
        yield return C("roll_flat", x => x("s").roll([5]));
        yield return C("movedim", x => x("s").movedim(0, 2));
        yield return C("pad_constant", x => torch.nn.functional.pad(x("s"), [1, 2], value: 0.5));
        yield return C("pad_reflect", x => torch.nn.functional.pad(x("s").unsqueeze(0), [1, 1, 2, 1], PaddingModes.Reflect));
        yield return C("pad_replicate", x => torch.nn.functional.pad(x("s").unsqueeze(0), [1, 2, 1, 1], PaddingModes.Replicate));
        yield return C("pad_circular", x => torch.nn.functional.pad(x("s").unsqueeze(0), [1, 1, 2, 0], PaddingModes.Circular));
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_pytorch_bit_for_bit(OpCase c) => Check(c, exact: true);

    [Test]
    public void Every_fixture_case_is_tested()
    {
        var tested = Cases().Select(c => c.Name).ToHashSet();
        var stored = Fixture.Tensors.Select(t => t.Key).Where(k => !k.StartsWith("in_", StringComparison.Ordinal));
        Assert.That(stored.Where(k => !tested.Contains(k)), Is.Empty);
    }

    [Test]
    public void Split_and_chunk_return_every_piece_and_free_the_list()
    {
        var before = OpsAssert.SettledLiveCount();
        using (torch.NewDisposeScope())
        {
            var s = In("s");
            Assert.That(s.split(3, 2).Select(p => p.shape[2]), Is.EqualTo(new long[] { 3, 1 }));
            Assert.That(s.chunk(3, 2), Has.Length.EqualTo(2), "chunk(3) of 4 gives pieces of 2, as PyTorch");
            var parts = s.unbind(1);
            Assert.That(parts, Has.Length.EqualTo(3));
            using var back = torch.stack(parts, 1);
            Assert.That(back.equal(s), Is.True);
        }
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(before));
    }

    [Test]
    public void Views_share_storage_and_reshape_copies_only_when_needed()
    {
        using var scope = torch.NewDisposeScope();
        var s = torch.arange(6.0).reshape(2, 3);
        s.view(3, 2).fill_(1.0);
        Assert.That(s.sum().item<float>(), Is.EqualTo(6f), "view aliases its base");
        var tr = s.t();
        Assert.That(tr.is_contiguous(), Is.False);
        tr.reshape(6).fill_(0.0);
        Assert.That(s.sum().item<float>(), Is.EqualTo(6f), "reshape of a non-contiguous view copies");
        s.reshape(6).fill_(0.0);
        Assert.That(s.sum().item<float>(), Is.EqualTo(0f), "reshape of a contiguous tensor is a view");
    }
}
