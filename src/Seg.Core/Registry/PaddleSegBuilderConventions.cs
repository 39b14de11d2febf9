using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// What PaddleSeg's SegBuilder does to the <c>optimizer</c> and <c>lr_scheduler</c> mappings before it builds them
/// (paddleseg/cvlibs/builder.py::SegBuilder, its optimizer and lr_scheduler). Each returns a copy; the builder and config validation both use these.
/// </summary>
public static class PaddleSegBuilderConventions
{
    /// <summary>The lr_scheduler keys PaddleSeg's builder consumes itself rather than passing to the scheduler.</summary>
    public static IReadOnlyList<string> WarmupKeys { get; } = ["warmup_iters", "warmup_start_lr"];

    /// <summary>Legacy <c>sgd</c>/<c>adam</c> become <c>SGD</c>/<c>Adam</c>; <c>SGD</c> with a <c>momentum</c> key becomes <c>Momentum</c>.</summary>
    public static ConfigMap Optimizer(ConfigMap optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var copy = (ConfigMap)optimizer.DeepClone();
        if (copy.Get("type") is not ConfigScalar { Value: string type } typeNode) return copy;
        var renamed = type switch
        {
            "sgd" => "SGD",
            "adam" => "Adam",
            _ => type,
        };
        if (renamed == "SGD" && copy.ContainsKey("momentum")) renamed = "Momentum";
        if (renamed != type) copy.Set("type", new ConfigScalar(renamed, null, typeNode.Location));
        return copy;
    }

    /// <summary>The scheduler without PaddleSeg's warmup keys (the builder wraps the scheduler in LinearWarmup with them).</summary>
    public static ConfigMap LrSchedulerWithoutWarmup(ConfigMap lrScheduler)
    {
        ArgumentNullException.ThrowIfNull(lrScheduler);
        var copy = (ConfigMap)lrScheduler.DeepClone();
        foreach (var key in WarmupKeys) copy.Remove(key);
        return copy;
    }
}
