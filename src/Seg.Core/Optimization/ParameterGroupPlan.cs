using Seg.Torch.Modules;

namespace Seg.Core.Optimization;

/// <summary>One parameter group before an optimizer exists: who is in it, its lr multiplier and weight decay.</summary>
/// <param name="Description">For logs: the custom_cfg name, "default", or "lr x0.1".</param>
/// <param name="WeightDecay">The group's own weight decay, or null for the optimizer's.</param>
public sealed record ParameterGroupPlan(string Description, IReadOnlyList<(string Name, Parameter Parameter)> Parameters, double Multiplier, double? WeightDecay);
