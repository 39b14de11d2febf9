using System.Text.Json.Nodes;
using Seg.Torch.Optim;

namespace Seg.Core.Optimization;

/// <summary>
/// The optimizer and learning-rate schedule PaddleSeg's builder makes from <c>optimizer:</c> and
/// <c>lr_scheduler:</c> (paddleseg/optimizers/optimizer.py): the trainer calls <see cref="Step"/>, reads <see cref="LearningRate"/>, then
/// <see cref="StepSchedule"/> once per iteration, and saves/restores <see cref="Optimizer"/> and
/// <see cref="ScheduleState"/> with checkpoints.
/// </summary>
public sealed class TrainingOptimizer : IDisposable
{
    private readonly Func<int, double> schedule;

    /// <param name="optimizer">The torch optimizer, one parameter group per multiplier.</param>
    /// <param name="schedule">lr(t), the scheduler's learning rate at step t.</param>
    /// <param name="groupMultipliers">Each group's lr = lr(t) × its multiplier.</param>
    /// <param name="gradientClip">Applied to every parameter's gradient before each step (grad_clip_cfg), or null.</param>
    /// <param name="groupDescriptions">One label per group for logs (custom_cfg names, "lr x0.1", ...), or null.</param>
    public TrainingOptimizer(Optimizer optimizer, Func<int, double> schedule, IReadOnlyList<double> groupMultipliers,
        GradientClip? gradientClip = null, IReadOnlyList<string>? groupDescriptions = null)
    {
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        this.schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        GroupMultipliers = groupMultipliers ?? throw new ArgumentNullException(nameof(groupMultipliers));
        if (groupMultipliers.Count != optimizer.param_groups.Count)
            throw new ArgumentException($"{groupMultipliers.Count} multipliers for {optimizer.param_groups.Count} parameter groups", nameof(groupMultipliers));
        GradientClip = gradientClip;
        GroupDescriptions = groupDescriptions ?? Enumerable.Range(0, groupMultipliers.Count).Select(i => $"group {i}").ToList();
        if (GroupDescriptions.Count != groupMultipliers.Count)
            throw new ArgumentException($"{GroupDescriptions.Count} descriptions for {groupMultipliers.Count} parameter groups", nameof(groupDescriptions));
        ApplyLearningRate();
    }

    public GradientClip? GradientClip { get; }

    public IReadOnlyList<string> GroupDescriptions { get; }

    /// <summary>What PaddleSeg logs about the groups: one line per group with its size, lr multiplier and weight decay.</summary>
    public string Describe() => string.Join(Environment.NewLine, Optimizer.param_groups.Select((g, i) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{GroupDescriptions[i]}: {g.parameters.Count} parameters, lr_mult {GroupMultipliers[i]}, weight_decay {g.weight_decay}")));

    public Optimizer Optimizer { get; }

    /// <summary>The lr multiplier of each parameter group (relative_lr, custom_cfg lr_mult; 1 otherwise).</summary>
    public IReadOnlyList<double> GroupMultipliers { get; }

    /// <summary>The scheduler step t: 0 at the first iteration, advanced by <see cref="StepSchedule"/>.</summary>
    public int ScheduleStep { get; private set; }

    /// <summary>The schedule's learning rate for the next optimizer step (Paddle's optimizer.get_lr()).</summary>
    public double LearningRate => schedule(ScheduleStep);

    public void ZeroGrad() => Optimizer.zero_grad();

    /// <summary>One optimizer step (with gradient clipping when configured).</summary>
    public void Step()
    {
        GradientClip?.Apply(Optimizer.param_groups.SelectMany(g => g.parameters));
        Optimizer.step();
    }

    public void StepSchedule()
    {
        ScheduleStep++;
        ApplyLearningRate();
    }

    public JsonObject ScheduleState() => new() { ["last_epoch"] = ScheduleStep };

    public void LoadScheduleState(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ScheduleStep = state["last_epoch"]?.GetValue<int>() ?? throw new ArgumentException("schedule state has no 'last_epoch'");
        ApplyLearningRate();
    }

    private void ApplyLearningRate()
    {
        var lr = LearningRate;
        for (var i = 0; i < GroupMultipliers.Count; i++) Optimizer.param_groups[i].lr = lr * GroupMultipliers[i];
    }

    public void Dispose() => Optimizer.Dispose();
}
