using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>
/// Batch normalisation over NCHW input. State-dict keys follow Paddle: weight, bias, _mean, _variance
/// (no num_batches_tracked). <paramref name="momentum"/> is PyTorch's convention, the weight of the new
/// batch statistic: Paddle's momentum 0.9 is torch's 0.1 (running = (1 - momentum)·running + momentum·batch).
/// </summary>
public sealed class BatchNorm2d : Module<Tensor, Tensor>
{
    public BatchNorm2d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true,
        bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) : base(nameof(BatchNorm2d))
    {
        this.num_features = num_features;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.track_running_stats = track_running_stats;
        if (affine)
        {
            weight = LayerInit.NewParameter([num_features], 1.0, device, dtype);
            register_parameter(nameof(weight), weight);
            bias = LayerInit.NewParameter([num_features], 0.0, device, dtype);
            register_parameter(nameof(bias), bias);
        }
        if (track_running_stats)
        {
            running_mean = LayerInit.NewBuffer([num_features], 0.0, device, dtype);
            register_buffer("_mean", running_mean);
            running_var = LayerInit.NewBuffer([num_features], 1.0, device, dtype);
            register_buffer("_variance", running_var);
        }
    }

    public long num_features { get; }
    public double eps { get; }
    public double momentum { get; set; }
    public bool affine { get; }
    public bool track_running_stats { get; }
    public Parameter? weight { get; }
    public Parameter? bias { get; }
    /// <summary>Registered as "_mean".</summary>
    public Tensor? running_mean { get; }
    /// <summary>Registered as "_variance".</summary>
    public Tensor? running_var { get; }

    /// <summary>Set by <see cref="Distributed.SyncBatchNorm.Convert"/>: training statistics over this group's ranks.</summary>
    public Distributed.ProcessGroup? process_group { get; set; }

    /// <summary>Set by <see cref="BatchNormFolding.Fold"/>: in eval mode the conv before applies this batch norm.</summary>
    public ConvBatchNormFold? FoldedInto { get; internal set; }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (FoldedInto is { Active: true }) return input.alias();
        var dim = input.dim();
        if (dim != 4) throw new ArgumentException($"expected 4D input (got {dim}D input)");
        // As PyTorch: batch statistics in training, or when there are no running statistics to use.
        var useBatchStats = training || running_mean is null;
        if (useBatchStats)
        {
            var shape = input.shape;
            if (shape[0] * shape[2] * shape[3] == 1)
                throw new ArgumentException($"Expected more than 1 value per channel when training, got input size [{string.Join(", ", shape)}]");
        }
        // Running statistics are updated in training mode and used in eval mode.
        if (process_group is { WorldSize: > 1 } group && useBatchStats)
            return group.sync_batch_norm(input, running_mean, running_var, weight, bias, true, momentum, eps);
        return torch.nn.functional.batch_norm(input, running_mean, running_var, weight, bias, useBatchStats, momentum, eps);
    }
}
