using Seg.Core.Config;
using Seg.Core.Optimization.Schedules;
using Seg.Core.Registry;

namespace Seg.Core.Optimization;

/// <summary>PaddleSeg's <c>SegBuilder.lr_scheduler</c> (paddleseg/cvlibs/builder.py::SegBuilder.lr_scheduler): warmup keys, PolynomialDecay's decay_steps, LinearWarmup.</summary>
public static class LrScheduleFactory
{
    private const string Path = "lr_scheduler";

    public static LrSchedule Build(ConfigMap lrScheduler, long iters, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(lrScheduler);
        ArgumentNullException.ThrowIfNull(registry);
        var warmupIters = Warmup(lrScheduler, out var warmupStartLr);
        var inner = PaddleSegBuilderConventions.LrSchedulerWithoutWarmup(lrScheduler);
        if (inner.Get("type") is ConfigScalar { Value: "PolynomialDecay" } && !inner.ContainsKey("decay_steps"))
        {
            var steps = Math.Max(iters - (warmupIters ?? 0), 1);
            inner.Set("decay_steps", new ConfigScalar(steps, null, lrScheduler.Location));
        }
        var schedule = registry.Build<LrSchedule>(inner, ComponentKind.LrScheduler, Path);
        if (warmupIters is not { } w) return schedule;

        if (lrScheduler.Get("learning_rate") is not ConfigScalar { Value: double or long } lrNode)
            throw new ConfigBindingException(lrScheduler.Location, Path, "warmup_iters needs 'learning_rate' (the lr the warmup ends at), which is missing or not a number.");
        var endLr = Convert.ToDouble(lrNode.Value, System.Globalization.CultureInfo.InvariantCulture);
        return new LinearWarmup(new LinearWarmupOptions { LearningRate = schedule, WarmupSteps = w, StartLr = warmupStartLr, EndLr = endLr });
    }

    private static int? Warmup(ConfigMap map, out double startLr)
    {
        startLr = 0;
        var hasStart = map.TryGet("warmup_start_lr", out var startNode);
        if (!map.TryGet("warmup_iters", out var itersNode))
        {
            if (hasStart)
                throw new ConfigBindingException(startNode.Location, $"{Path}.warmup_start_lr", "'warmup_start_lr' is set without 'warmup_iters'; set both or neither.");
            return null;
        }
        if (itersNode is not ConfigScalar { Value: long iters } || iters <= 0 || iters > int.MaxValue)
            throw new ConfigBindingException(itersNode.Location, $"{Path}.warmup_iters", $"expected a positive int, got {Text(itersNode)}.");
        if (!hasStart)
            throw new ConfigBindingException(map.Location, Path, "'warmup_iters' is set but 'warmup_start_lr' is missing: with warmup, set both warmup_iters and warmup_start_lr.");
        startLr = startNode is ConfigScalar { Value: double d } ? d
            : startNode is ConfigScalar { Value: long l } ? l
            : throw new ConfigBindingException(startNode.Location, $"{Path}.warmup_start_lr", $"expected float, got {Text(startNode)}.");
        return (int)iters;
    }

    private static string Text(ConfigNode node) => node is ConfigScalar s ? $"{s.PythonType} {s.Text}" : "a " + node.GetType().Name.Replace("Config", "", StringComparison.Ordinal).ToLowerInvariant();
}
