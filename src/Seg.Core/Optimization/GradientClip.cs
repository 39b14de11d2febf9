using Seg.Core.Optimization.Optimizers;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Optimization;

/// <summary>
/// Paddle's gradient clipping, applied to the gradients before the optimizer step (and so before L2 decay is
/// added, as in Paddle): by value (clamp to [min, max]), by norm (each gradient g·c / max(‖g‖, c)) or by global
/// norm (every gradient ·c / max(‖all‖, c)). No epsilon, unlike torch.nn.utils.clip_grad_norm_.
/// </summary>
public sealed class GradientClip
{
    public GradientClip(GradClipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Name)
        {
            case "ClipGradByValue":
                if (options.Max is not { } max) throw new ArgumentException("ClipGradByValue needs 'max'");
                if (options.ClipNorm != null || options.GroupName != null) throw new ArgumentException("ClipGradByValue takes only 'max' and 'min'");
                if (options.Min is { } min && min > max) throw new ArgumentException($"ClipGradByValue: 'min' ({min}) must not exceed 'max' ({max})");
                break;
            case "ClipGradByNorm" or "ClipGradByGlobalNorm":
                if (options.ClipNorm is not { } c) throw new ArgumentException($"{options.Name} needs 'clip_norm'");
                if (c <= 0) throw new ArgumentException($"{options.Name}: 'clip_norm' must be positive, got {c}");
                if (options.Max != null || options.Min != null) throw new ArgumentException($"{options.Name} takes 'clip_norm', not 'max'/'min'");
                if (options.Name == "ClipGradByNorm" && options.GroupName != null) throw new ArgumentException("ClipGradByNorm takes only 'clip_norm'");
                break;
            default:
                throw new ArgumentException($"unknown grad_clip_cfg name '{options.Name}'; write ClipGradByValue, ClipGradByNorm or ClipGradByGlobalNorm");
        }
        Options = options;
    }

    public GradClipOptions Options { get; }

    /// <summary>Clips the gradients of <paramref name="parameters"/> in place (those without a gradient are skipped).</summary>
    public void Apply(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToList();
        if (grads.Count == 0) return;
        switch (Options.Name)
        {
            case "ClipGradByValue":
                var max = Options.Max!.Value;
                foreach (var g in grads) g.clamp_(Options.Min ?? -max, max);
                break;
            case "ClipGradByNorm":
                foreach (var g in grads) g.mul_(Scale(g.pow(2).sum().sqrt()));
                break;
            default:
                Tensor? sum = null;
                foreach (var g in grads) sum = sum is null ? g.pow(2).sum() : sum + g.pow(2).sum();
                var scale = Scale(sum!.sqrt());
                foreach (var g in grads) g.mul_(scale);
                break;
        }
    }

    private Tensor Scale(Tensor norm) => norm.clamp(min: Options.ClipNorm!.Value).reciprocal().mul(Options.ClipNorm!.Value);
}
