using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// Binds every component of a resolved config (<c>model</c>, <c>train_dataset</c>, <c>val_dataset</c>,
/// <c>optimizer</c>, <c>lr_scheduler</c>, each of <c>loss.types</c> and <c>distill_loss.types</c>) against the
/// registry without constructing anything, so that an unknown <c>type:</c> or key, a wrong value type or a missing
/// required key fails before any work starts, naming the file and line. Components this build does not have yet
/// are listed in the report instead of failing (see <see cref="ComponentCheck"/>).
/// </summary>
public static class ConfigValidator
{
    public static ConfigValidationReport Validate(ConfigMap config, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(registry);
        var checks = new List<ComponentCheck>();
        var binder = new ConfigBinder(registry, checks);
        foreach (var (key, value) in config.Entries)
        {
            if (value is ConfigScalar { IsNull: true }) continue;
            switch (key)
            {
                case "model":
                    binder.BuildComponent(value, typeof(object), ComponentKind.Model, key);
                    break;
                case "train_dataset" or "val_dataset":
                    binder.BuildComponent(value, typeof(object), ComponentKind.Dataset, key);
                    break;
                case "optimizer":
                    binder.BuildComponent(value is ConfigMap o ? PaddleSegBuilderConventions.Optimizer(o) : value, typeof(object), ComponentKind.Optimizer, key);
                    break;
                case "lr_scheduler":
                    binder.BuildComponent(value is ConfigMap l ? PaddleSegBuilderConventions.LrSchedulerWithoutWarmup(l) : value, typeof(object), ComponentKind.LrScheduler, key);
                    break;
                case "loss" or "distill_loss" when value is ConfigMap { } loss && loss.Get("types") is ConfigList types:
                    for (var i = 0; i < types.Items.Count; i++)
                        binder.BuildComponent(types.Items[i], typeof(object), ComponentKind.Loss, $"{key}.types[{i}]");
                    break;
            }
        }
        return new ConfigValidationReport(checks);
    }
}
