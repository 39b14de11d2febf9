using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Training;

/// <summary>
/// Finds NaN and infinite values where a diverging run hides them: the model's outputs (a loss such as
/// OhemCrossEntropyLoss keeps no pixel of a NaN output and reads 0), the gradients before the optimizer applies them,
/// and the weights and statistics before they are written as a checkpoint. Each check is one reduction per tensor and
/// one host read; the offending tensor is named only when the sum is not finite.
/// </summary>
public static class NonFiniteGuard
{
    /// <summary>Null when every output is finite, else what is wrong.</summary>
    public static string? Outputs(IReadOnlyList<Tensor> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < outputs.Count; i++)
        {
            // A deferred upsample is finite exactly when its low-resolution source is: check that, not computing it.
            if (!AllFinite(outputs[i].PendingUpsample?.Source ?? outputs[i]))
                return outputs.Count == 1 ? "the model's output holds NaN or infinite values" : $"the model's output {i} holds NaN or infinite values";
        }
        return null;
    }

    /// <summary>Null when every gradient is finite, else the first parameter whose gradient is not.</summary>
    public static string? Gradients(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var grads = new List<(string Name, Tensor Grad)>();
        foreach (var (name, p) in model.named_parameters())
            if (p.grad is { } g) grads.Add((name, g));
        if (grads.Count == 0 || Finite(grads.Select(g => g.Grad))) return null;
        var bad = grads.First(g => !AllFinite(g.Grad)).Name;
        return $"the gradient of {bad} holds NaN or infinite values";
    }

    /// <summary>Null when every floating-point state-dict entry (weights, BatchNorm statistics) is finite, else the first that is not.</summary>
    public static string? Weights(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var entries = model.state_dict().Where(kv => IsFloating(kv.Value.dtype)).ToList();
        if (Finite(entries.Select(kv => kv.Value))) return null;
        var bad = entries.First(kv => !AllFinite(kv.Value));
        using var count = bad.Value.isfinite().logical_not().sum();
        return $"the weights hold NaN or infinite values ({bad.Key}: {count.item<long>()} of {bad.Value.numel()})";
    }

    // A NaN or infinity anywhere makes the float64 sum of all sums non-finite.
    private static bool Finite(IEnumerable<Tensor> tensors)
    {
        Tensor? total = null;
        foreach (var t in tensors)
        {
            var s = t.sum(ScalarType.Float64);
            total = total is null ? s : total.add_(s);
        }
        return total is null || double.IsFinite(total.item<double>());
    }

    private static bool AllFinite(Tensor t) => t.isfinite().all().item<bool>();

    private static bool IsFloating(ScalarType t) => t is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16;
}
