namespace Seg.Models.Heads;

// PaddleSeg's tensor_fusion_helper reductions over the channel or the spatial axes.
internal static class AttentionReductions
{
    /// <summary>avg_max_reduce_channel([x, y]): cat(mean_c x, max_c x, mean_c y, max_c y).</summary>
    internal static Tensor AvgMaxChannel(Tensor x, Tensor y)
    {
        var xm = x.mean(1L, keepdim: true);
        var xx = x.amax([1], keepdim: true);
        var ym = y.mean(1L, keepdim: true);
        var yx = y.amax([1], keepdim: true);
        return torch.cat([xm, xx, ym, yx], 1);
    }

    /// <summary>avg_reduce_channel([x, y]): cat(mean_c x, mean_c y).</summary>
    internal static Tensor AvgChannel(Tensor x, Tensor y)
    {
        var xm = x.mean(1L, keepdim: true);
        var ym = y.mean(1L, keepdim: true);
        return torch.cat([xm, ym], 1);
    }

    /// <summary>avg_max_reduce_hw([x, y]): cat(avg x, avg y, max x, max y), each pooled to 1×1.</summary>
    internal static Tensor AvgMaxSpatial(Tensor x, Tensor y)
    {
        var xa = torch.nn.functional.adaptive_avg_pool2d(x, 1);
        var ya = torch.nn.functional.adaptive_avg_pool2d(y, 1);
        var xx = x.amax([2, 3], keepdim: true);
        var yx = y.amax([2, 3], keepdim: true);
        return torch.cat([xa, ya, xx, yx], 1);
    }

    /// <summary>avg_reduce_hw([x, y]): cat(avg x, avg y), each pooled to 1×1.</summary>
    internal static Tensor AvgSpatial(Tensor x, Tensor y)
    {
        var xa = torch.nn.functional.adaptive_avg_pool2d(x, 1);
        var ya = torch.nn.functional.adaptive_avg_pool2d(y, 1);
        return torch.cat([xa, ya], 1);
    }
}
