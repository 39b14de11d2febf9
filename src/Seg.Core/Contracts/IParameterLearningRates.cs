using Seg.Torch.Modules;

namespace Seg.Core.Contracts;

/// <summary>
/// A module whose parameters learn at a multiple of the scheduler's learning rate (Paddle's
/// <c>ParamAttr(learning_rate=...)</c>, e.g. STDCNet's <c>relative_lr</c>). The trainer walks the model's
/// modules, collects these, and puts each parameter in a param group with lr × multiplier; parameters
/// not listed use multiplier 1.
/// </summary>
public interface IParameterLearningRates
{
    IEnumerable<(Parameter Parameter, double Multiplier)> LearningRateMultipliers();
}
