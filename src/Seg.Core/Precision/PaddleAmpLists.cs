namespace Seg.Core.Precision;

/// <summary>
/// The op lists of Paddle's auto_cast at level O1 (python/paddle/amp/amp_lists.py: FP16_WHITE_LIST, FP16_BLACK_LIST and
/// EXTRA_BLACK_LIST), PaddleSeg's custom lists (paddleseg/core/train.py and val.py), Paddle's merge of the two
/// (AutoMixedPrecisionLists._update_list), and their translation to the aten ops whose precision Seg can set under
/// libtorch's autocast.
/// </summary>
public static class PaddleAmpLists
{
    /// <summary>Ops Paddle always runs in low precision.</summary>
    public static IReadOnlySet<string> White { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "conv2d", "einsum", "matmul", "matmul_v2", "max_pool2d_with_index", "mul", "fake_quantize_dequantize_abs_max",
        "fake_quantize_dequantize_moving_average_abs_max", "fused_gemm_epilogue", "fused_attention", "fused_feedforward",
    };

    /// <summary>Ops Paddle runs in float32 at level O1 (FP16_BLACK_LIST ∪ EXTRA_BLACK_LIST).</summary>
    public static IReadOnlySet<string> Black { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "tan", "acos", "asin", "sinh", "cosh", "atanh", "tanh_shrink", "cos_sim", "erfinv", "exp", "expm1", "log", "log10", "log2",
        "reciprocal", "rsqrt", "pow", "square", "reduce_sum", "mean", "reduce_mean", "reduce_prod", "cumprod", "cumsum", "dist",
        "pnorm", "frobenius_norm", "renorm", "group_norm", "layer_norm", "softmax", "softmin", "softplus", "log_softmax",
        "softmax_with_cross_entropy", "sigmoid_cross_entropy_with_logits", "c_softmax_with_cross_entropy", "cross_entropy",
        "cross_entropy2", "nll_loss", "huber_loss", "triplet_margin_loss", "log_loss", "hsigmoid_loss", "margin_cross_entropy",
        "linear_interp_v2", "nearest_interp_v2", "bilinear_interp_v2", "bicubic_interp_v2", "trilinear_interp_v2", "lookup_table",
        "lookup_table_v2", "scatter",
    };

    /// <summary>PaddleSeg's custom_white_list for training and evaluation under fp16.</summary>
    public static IReadOnlySet<string> PaddleSegCustomWhite { get; } = new HashSet<string>(StringComparer.Ordinal) { "elementwise_add", "batch_norm", "sync_batch_norm" };

    /// <summary>PaddleSeg's custom_black_list.</summary>
    public static IReadOnlySet<string> PaddleSegCustomBlack { get; } = new HashSet<string>(StringComparer.Ordinal) { "bilinear_interp_v2" };

    /// <summary>
    /// The Paddle ops Seg sets the precision of, and the aten op each one is in libtorch. Paddle's other listed ops
    /// either run the same way under libtorch's own autocast lists (conv2d, matmul and mul in low precision; the
    /// cross-entropy and NLL losses in float32) or have no counterpart in Seg's models.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AtenOps { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["elementwise_add"] = "add",
        ["batch_norm"] = "batch_norm",
        ["sync_batch_norm"] = "batch_norm",
        ["bilinear_interp_v2"] = "upsample_bilinear2d",
        ["nearest_interp_v2"] = "upsample_nearest2d",
        ["softmax"] = "softmax",
        ["log_softmax"] = "log_softmax",
        ["mean"] = "mean",
        ["reduce_mean"] = "mean",
        ["reduce_sum"] = "sum",
        ["exp"] = "exp",
        ["log"] = "log",
        ["pow"] = "pow",
        ["square"] = "pow",
        ["rsqrt"] = "rsqrt",
        ["reciprocal"] = "reciprocal",
        ["layer_norm"] = "layer_norm",
        ["group_norm"] = "group_norm",
    };

    /// <summary>
    /// Paddle's merge: a custom white op leaves the black list and joins the white list, a custom black op leaves the
    /// white list and joins the black list; an op on both custom lists is an error.
    /// </summary>
    public static (IReadOnlySet<string> White, IReadOnlySet<string> Black) Merge(IReadOnlySet<string> customWhite, IReadOnlySet<string> customBlack)
    {
        ArgumentNullException.ThrowIfNull(customWhite);
        ArgumentNullException.ThrowIfNull(customBlack);
        var overlap = customWhite.Intersect(customBlack).Order(StringComparer.Ordinal).ToList();
        if (overlap.Count > 0) throw new ArgumentException($"Custom white list overlaps custom black list: {string.Join(", ", overlap)}");
        var white = new HashSet<string>(White, StringComparer.Ordinal);
        var black = new HashSet<string>(Black, StringComparer.Ordinal);
        foreach (var op in customWhite)
        {
            black.Remove(op);
            white.Add(op);
        }
        foreach (var op in customBlack)
        {
            white.Remove(op);
            black.Add(op);
        }
        return (white, black);
    }

    /// <summary>The aten op policies for Paddle's O1 lists merged with the given custom lists (see <see cref="AtenOps"/>).</summary>
    public static IReadOnlyDictionary<string, Seg.Torch.AutocastOpPolicy> AtenPolicies(IReadOnlySet<string> customWhite, IReadOnlySet<string> customBlack)
    {
        var (white, black) = Merge(customWhite, customBlack);
        var policies = new Dictionary<string, Seg.Torch.AutocastOpPolicy>(StringComparer.Ordinal);
        foreach (var (paddle, aten) in AtenOps)
        {
            var policy = white.Contains(paddle) ? Seg.Torch.AutocastOpPolicy.LowerPrecision
                : black.Contains(paddle) ? Seg.Torch.AutocastOpPolicy.Float32
                : Seg.Torch.AutocastOpPolicy.Default;
            if (policies.TryGetValue(aten, out var already) && already != policy)
                throw new InvalidOperationException($"Paddle ops mapped to aten::{aten} disagree on its precision ({already} and {policy} for {paddle})");
            policies[aten] = policy;
        }
        return policies;
    }

    /// <summary>PaddleSeg's lists: Paddle's O1 lists with its custom white and black lists.</summary>
    public static IReadOnlyDictionary<string, Seg.Torch.AutocastOpPolicy> PaddleSegPolicies() => AtenPolicies(PaddleSegCustomWhite, PaddleSegCustomBlack);
}
