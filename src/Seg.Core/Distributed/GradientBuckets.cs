using Seg.Torch;
using Seg.Torch.Distributed;
using Seg.Torch.Modules;

namespace Seg.Core.Distributed;

/// <summary>
/// Averages gradients across ranks as PyTorch's DDP does after backward: the gradients, in parameter order, are
/// flattened into buckets of at most <see cref="BucketBytes"/> (one dtype each), every bucket is summed by one c10d
/// all_reduce and divided by the world size (Gloo has no AVG), then copied back. A parameter without a gradient
/// counts as zeros (it gets one), so every rank reduces the same buckets.
/// </summary>
public sealed class GradientBuckets(ProcessGroup group, long bucketBytes = GradientBuckets.DefaultBucketBytes)
{
    /// <summary>DDP's default bucket_cap_mb (25 MiB).</summary>
    public const long DefaultBucketBytes = 25L * 1024 * 1024;

    public long BucketBytes { get; } = bucketBytes;

    /// <summary>Seconds spent in all_reduce by the last <see cref="Average"/> (for the benchmark).</summary>
    public double LastReduceSeconds { get; private set; }

    /// <summary>Seconds spent in all_reduce over every <see cref="Average"/> so far, and how many there were.</summary>
    public double TotalReduceSeconds { get; private set; }

    public int Steps { get; private set; }

    public void Average(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        var grads = new List<Tensor>();
        foreach (var p in model.parameters().Where(p => p.requires_grad))
        {
            var g = p.grad;
            if (g is null)
            {
                p.grad = torch.zeros_like(p);
                g = p.grad!;
            }
            grads.Add(g);
        }
        var reduceTime = TimeSpan.Zero;
        foreach (var bucket in Buckets(grads))
        {
            var flat = torch.cat(bucket.Select(g => g.reshape(-1)).ToList());
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            group.all_reduce(flat);
            reduceTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
            flat.div_(group.WorldSize);
            var parts = flat.split(bucket.Select(g => g.numel()).ToArray());
            for (var i = 0; i < bucket.Count; i++) bucket[i].copy_(parts[i].view(bucket[i].shape));
        }
        LastReduceSeconds = reduceTime.TotalSeconds;
        TotalReduceSeconds += LastReduceSeconds;
        Steps++;
    }

    private IEnumerable<List<Tensor>> Buckets(List<Tensor> grads)
    {
        var current = new List<Tensor>();
        long bytes = 0;
        foreach (var g in grads)
        {
            var size = g.numel() * g.element_size();
            if (current.Count > 0 && (bytes + size > BucketBytes || current[0].dtype != g.dtype))
            {
                yield return current;
                current = [];
                bytes = 0;
            }
            current.Add(g);
            bytes += size;
        }
        if (current.Count > 0) yield return current;
    }
}
