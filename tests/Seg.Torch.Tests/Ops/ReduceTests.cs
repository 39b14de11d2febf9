namespace Seg.Torch.Tests.Ops;

// Reductions, sorting, counting and matrix products against PyTorch ("reduce" fixture), with a tolerance.
public class ReduceTests() : OpsFixture("reduce")
{
    private static IEnumerable<OpCase> Cases()
    {
        static OpCase C(string name, Func<Func<string, Tensor>, Tensor> f) => new(name, f);
        yield return C("sum_all", x => x("x").sum());
        yield return C("sum_d1", x => x("x").sum(1));
        yield return C("sum_d02_keep", x => x("x").sum([0, 2], keepdim: true));
        yield return C("sum_i", x => x("xi").sum());
        yield return C("sum_i_f64", x => torch.sum(x("xi"), ScalarType.Float64));
        yield return C("sum_d1_f64", x => x("x").sum(1, dtype: ScalarType.Float64));
        yield return C("mean_all", x => x("x").mean());
        yield return C("mean_d2", x => x("x").mean(2));
        yield return C("mean_d01", x => torch.mean(x("x"), [0, 1]));
        yield return C("prod_d1", x => x("x").prod(1));
        yield return C("prod_i", x => x("xi").prod());
        yield return C("std_all", x => x("x").std());
        yield return C("std_d1", x => x("x").std(1));
        yield return C("var_d02_biased", x => x("x").var([0, 2], unbiased: false));
        yield return C("var_all_biased", x => torch.var(x("x"), unbiased: false));
        yield return C("max_all", x => x("x").max());
        yield return C("min_all", x => torch.min(x("x")));
        yield return C("max_d1_values", x => x("x").max(1).values);
        yield return C("max_d1_indexes", x => x("x").max(1).indexes);
        yield return C("min_d2k_values", x => x("x").min(2, keepdim: true).values);
        yield return C("min_d2k_indexes", x => torch.min(x("x"), 2, keepdim: true).indexes);
        yield return C("argmax_all", x => x("x").argmax());
        yield return C("argmax_d1", x => x("x").argmax(1));
        yield return C("argmin_d2k", x => x("x").argmin(2, keepdim: true));
        yield return C("topk_values", x => x("x").topk(3, dim: 2).values);
        yield return C("topk_indexes", x => x("x").topk(3, dim: 2).indexes);
        yield return C("topk_small_values", x => x("x").topk(2, dim: 1, largest: false).values);
        yield return C("topk_small_indexes", x => torch.topk(x("x"), 2, dim: 1, largest: false).indexes);
        yield return C("sort_values", x => x("x").sort(1, descending: true).values);
        yield return C("sort_indices", x => x("x").sort(1, descending: true).indices);
        yield return C("sort_stable_values", x => x("xi").sort(2, stable: true).values);
        yield return C("sort_stable_indices", x => torch.sort(x("xi"), 2, stable: true).indices);
        yield return C("argsort", x => x("x").argsort(2));
        yield return C("argsort_desc", x => x("x").argsort(0, descending: true));
        yield return C("cumsum", x => x("x").cumsum(1));
        yield return C("cumsum_i", x => x("xi").cumsum(2));
        yield return C("cumsum_f64", x => x("x").cumsum(0, ScalarType.Float64));
        yield return C("bincount", x => x("xi").flatten().bincount());
        yield return C("bincount_w", x => x("xi").flatten().bincount(x("bc_w"), minlength: 12));
        yield return C("unique", x => x("xi").unique().output);
        yield return C("unique_inverse", x => x("xi").unique(return_inverse: true).inverse_indices!);
        yield return C("unique_counts", x => torch.unique(x("xi"), return_counts: true).counts!);
        yield return C("nonzero", x => x("xi").gt(6).nonzero());
        yield return C("any_all", x => x("x").gt(2).any());
        yield return C("all_d1", x => x("x").gt(-2).all(1));
        yield return C("any_d2k", x => x("x").gt(1.5).any(2, keepdim: true));
        yield return C("logsumexp", x => x("x").logsumexp(2));
        yield return C("amax", x => x("x").amax([0, 1]));
        yield return C("amin", x => x("x").amin([2], keepdim: true));
        yield return C("mm", x => x("a").mm(x("c")));
        yield return C("matmul", x => x("x").transpose(1, 2).matmul(x("c")));
        yield return C("bmm", x => torch.bmm(x("bm").transpose(1, 2), x("bm")));
        yield return C("dot", x => x("b").dot(x("b") * 2));
        yield return C("outer", x => x("b").outer(x("c").select(1, 0)));
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_pytorch(OpCase c) => Check(c, exact: false);

    [Test]
    public void Every_fixture_case_is_tested()
    {
        var tested = Cases().Select(c => c.Name).ToHashSet();
        var stored = Fixture.Tensors.Select(t => t.Key).Where(k => !k.StartsWith("in_", StringComparison.Ordinal));
        Assert.That(stored.Where(k => !tested.Contains(k)), Is.Empty);
    }

    [Test]
    public void Tuple_results_are_both_owned_and_freed()
    {
        var before = OpsAssert.SettledLiveCount();
        using (torch.NewDisposeScope())
        {
            var (values, indexes) = In("x").max(0);
            Assert.That(values.shape, Is.EqualTo(new long[] { 4, 5 }));
            Assert.That(indexes.dtype, Is.EqualTo(ScalarType.Int64));
            var (u, inv, counts) = In("xi").unique();
            Assert.That(inv, Is.Null);
            Assert.That(counts, Is.Null);
            Assert.That(u.dim(), Is.EqualTo(1));
        }
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(before));
    }
}
