using Seg.Core.Config;
using Seg.Core.Optimization.Optimizers;
using Seg.Core.Optimization.Schedules;
using Seg.Core.Registry;
using Seg.Torch.Modules;

namespace Seg.Core.Optimization;

/// <summary>Builds a <see cref="TrainingOptimizer"/> from a resolved config, as PaddleSeg's SegBuilder does (paddleseg/cvlibs/builder.py::SegBuilder.optimizer).</summary>
public static class TrainingOptimizerFactory
{
    public static TrainingOptimizer Build(SegConfig config, Contracts.SegModel model, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Build(config.Optimizer, config.LrScheduler, config.Iters, model, registry);
    }

    /// <summary>The same from the <c>optimizer</c> and <c>lr_scheduler</c> maps and <c>iters</c>.</summary>
    public static TrainingOptimizer Build(ConfigMap optimizer, ConfigMap lrScheduler, long iters, Module model, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(lrScheduler);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(registry);
        var schedule = LrScheduleFactory.Build(lrScheduler, iters, registry);
        var segOptimizer = registry.Build<SegOptimizer>(PaddleSegBuilderConventions.Optimizer(optimizer), ComponentKind.Optimizer, "optimizer");
        var groups = ParameterGrouping.Collect(model, segOptimizer.BaseOptions.CustomCfg, segOptimizer.BaseOptions.WeightDecay);
        var torchOptimizer = segOptimizer.Create(groups, schedule.LearningRate(0));
        return new TrainingOptimizer(torchOptimizer, schedule.LearningRate, groups.Select(g => g.Multiplier).ToList(),
            segOptimizer.GradientClip, groups.Select(g => g.Description).ToList());
    }
}
