namespace Seg.Torch.Tests.Ops;

// Elementwise ops against PyTorch (tests/fixtures/make_ops.py, "elementwise"), bit for bit.
public class ElementwiseTests() : OpsFixture("elementwise")
{
    private static IEnumerable<OpCase> Cases()
    {
        static OpCase C(string name, Func<Func<string, Tensor>, Tensor> f) => new(name, f);
        yield return C("add", x => x("a") + x("b"));
        yield return C("sub", x => x("a") - x("b"));
        yield return C("mul", x => x("a") * x("b"));
        yield return C("div", x => x("a") / x("b"));
        yield return C("div_trunc", x => x("a").div(x("b"), "trunc"));
        yield return C("div_floor", x => torch.div(x("a"), x("b"), rounding_mode: "floor"));
        yield return C("remainder", x => x("a").remainder(x("b")));
        yield return C("pow_t", x => x("p").pow(x("b")));
        yield return C("add_alpha", x => x("a").add(x("b"), 2.5));
        yield return C("sub_alpha", x => torch.sub(x("a"), x("b"), 3));
        yield return C("add_s", x => x("a") + 2);
        yield return C("sub_s", x => x("a") - 1.5);
        yield return C("mul_s", x => x("a") * 3);
        yield return C("div_s", x => x("a") / 3);
        yield return C("div_s_floor", x => x("a").div(0.7, "floor"));
        yield return C("rsub_s", x => 2 - x("a"));
        yield return C("rdiv_s", x => 2 / x("a"));
        yield return C("rpow_s", x => torch.pow(2, x("a")));
        yield return C("radd_s", x => 1.25 + x("a"));
        yield return C("rmul_s", x => 3 * x("a"));
        yield return C("pow_s", x => x("p").pow(2.5));
        yield return C("remainder_s", x => x("a") % 1.5);
        yield return C("rremainder_s", x => torch.remainder(5, x("j")));
        yield return C("neg", x => -x("a"));
        yield return C("iadd", x => x("i") + x("j"));
        yield return C("isub", x => x("i") - x("j"));
        yield return C("imul", x => x("i") * x("j"));
        yield return C("idiv", x => x("i") / x("j"));
        yield return C("idiv_trunc", x => x("i").div(x("j"), "trunc"));
        yield return C("idiv_floor", x => x("i").div(x("j"), "floor"));
        yield return C("iremainder", x => x("i") % x("j"));
        yield return C("iadd_s", x => x("i") + 2);
        yield return C("iadd_f", x => x("i") + 2.0);
        yield return C("iadd_ft", x => x("i") + x("a"));
        yield return C("imul_s", x => x("i") * 3);
        yield return C("ipow_s", x => x("i").pow(2));
        yield return C("irsub_s", x => 10 - x("i"));
        yield return C("iadd_alpha_s", x => x("i").add(2, 3));
        yield return C("i32_plus_i64", x => x("i").to(ScalarType.Int32) + x("j"));
        yield return C("u8_plus_i8", x => x("u8") + x("i8"));
        yield return C("u8_plus_300", x => x("u8") + 300);
        yield return C("h_plus_f", x => x("a").to(ScalarType.Float16) + x("b"));
        yield return C("bool_plus_int", x => x("m") + x("i"));
        yield return C("eq", x => x("i").eq(x("j")));
        yield return C("ne", x => torch.ne(x("i"), x("j")));
        yield return C("lt", x => x("a").lt(x("b")));
        yield return C("le_s", x => x("a").le(0.5));
        yield return C("gt", x => x("a").gt(x("b")));
        yield return C("ge", x => x("i").ge(x("j")));
        yield return C("eq_s", x => x("i").eq(2));
        yield return C("logical_and", x => x("m").logical_and(x("a").gt(0)));
        yield return C("logical_or", x => torch.logical_or(x("m"), x("a").gt(0)));
        yield return C("logical_not", x => x("m").logical_not());
        yield return C("isnan", x => x("nanv").isnan());
        yield return C("isfinite", x => torch.isfinite(x("nanv")));
        yield return C("where", x => torch.where(x("m"), x("a"), x("b")));
        yield return C("where_ts", x => torch.where(x("m"), x("a"), 0.0));
        yield return C("where_st", x => torch.where(x("m"), 1.0, x("b")));
        yield return C("where_ss", x => torch.where(x("m"), 1.0, 0.0));
        yield return C("where_int_float", x => x("i").where(x("m"), 2.5));
        yield return C("masked_fill", x => x("a").masked_fill(x("m"), -1.5));
        yield return C("masked_fill_int", x => x("i").masked_fill(x("m"), 9));
        yield return C("masked_select", x => x("a").masked_select(x("m")));
        yield return C("clamp", x => x("a").clamp(-0.5, 0.5));
        yield return C("clamp_min", x => x("a").clamp_min(0));
        yield return C("clamp_max", x => torch.clamp(x("a"), max: 0.1));
        yield return C("clamp_i", x => x("i").clamp(-2, 3));
        yield return C("maximum", x => x("a").maximum(x("b")));
        yield return C("minimum", x => torch.minimum(x("a"), x("b")));
        yield return C("u_exp", x => x("a").exp());
        yield return C("u_expm1", x => x("a").expm1());
        yield return C("u_log", x => x("p").log());
        yield return C("u_log2", x => x("p").log2());
        yield return C("u_log10", x => x("p").log10());
        yield return C("u_log1p", x => torch.log1p(x("p")));
        yield return C("u_sqrt", x => x("p").sqrt());
        yield return C("u_rsqrt", x => x("p").rsqrt());
        yield return C("u_abs", x => x("a").abs());
        yield return C("u_sign", x => x("a").sign());
        yield return C("u_floor", x => (x("a") * 3).floor());
        yield return C("u_ceil", x => (x("a") * 3).ceil());
        yield return C("u_round", x => x("halves").round());
        yield return C("u_trunc", x => x("halves").trunc());
        yield return C("u_reciprocal", x => x("a").reciprocal());
        yield return C("u_sigmoid", x => torch.sigmoid(x("a")));
        yield return C("u_tanh", x => x("a").tanh());
        yield return C("u_sin", x => x("a").sin());
        yield return C("u_cos", x => x("a").cos());
        yield return C("u_abs_i", x => x("i").abs());
        yield return C("addcmul", x => x("a").addcmul(x("p"), x("b"), 0.5));
        yield return C("addcdiv", x => x("a").addcdiv(x("a"), x("p"), 2));
        yield return C("lerp_s", x => x("a").lerp(x("b").expand(3, 4), 0.3));
        yield return C("lerp_t", x => x("a").lerp(x("b").expand(3, 4), x("p")));
        yield return C("softmax", x => x("a").softmax(1));
        yield return C("log_softmax", x => torch.nn.functional.log_softmax(x("a"), 0));
        yield return C("softmax_f64", x => torch.nn.functional.softmax(x("a"), 1, ScalarType.Float64));
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
}
