using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch.Optim;

namespace Seg.Core.Optimization;

/// <summary>Builds a <see cref="TrainingOptimizer"/> from a resolved config, as PaddleSeg's SegBuilder does (§7).</summary>
public static class TrainingOptimizerFactory
{
    // PLACEHOLDER (replaced by the optimization work): Momentum 0.9 on all parameters at a constant
    // lr_scheduler.learning_rate, no weight decay.
    public static TrainingOptimizer Build(SegConfig config, SegModel model, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(registry);
        var lr = config.LrScheduler.Get("learning_rate") is ConfigScalar { Value: double d } ? d : 0.01;
        var sgd = new SGD(model.parameters(), lr, momentum: 0.9);
        return new TrainingOptimizer(sgd, _ => lr, [1.0]);
    }
}
