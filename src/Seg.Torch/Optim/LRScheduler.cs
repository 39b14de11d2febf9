namespace Seg.Torch.Optim;

/// <summary>
/// The base of learning-rate schedulers (as torch.optim.lr_scheduler._LRScheduler): records each group's
/// "initial_lr", and on every step() sets each group's lr to get_lr(). As PyTorch, the constructor takes
/// the first step (last_epoch -1 -> 0).
/// </summary>
public abstract class LRScheduler
{
    private double[] lastLr = [];

    protected LRScheduler(Optimizer optimizer, int last_epoch = -1)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.optimizer = optimizer;
        foreach (var g in optimizer.param_groups)
        {
            if (last_epoch == -1) g.SetDefault("initial_lr", g.lr);
            else if (!g.has_option("initial_lr"))
                throw new ArgumentException("param 'initial_lr' is not specified in param_groups when resuming an optimizer");
        }
        base_lrs = optimizer.param_groups.Select(g => g["initial_lr"]).ToArray();
        this.last_epoch = last_epoch;
    }

    public Optimizer optimizer { get; }

    public IReadOnlyList<double> base_lrs { get; }

    public int last_epoch { get; private set; }

    /// <summary>Derived constructors call this last (PyTorch's _initial_step).</summary>
    protected void InitialStep() => step();

    /// <summary>The new lr of every group, computed when last_epoch has just advanced.</summary>
    protected abstract double[] get_lr();

    public void step()
    {
        last_epoch++;
        var lrs = get_lr();
        for (var i = 0; i < lrs.Length; i++) optimizer.param_groups[i].lr = lrs[i];
        lastLr = lrs;
    }

    /// <summary>The lr of each group as last set by this scheduler.</summary>
    public IReadOnlyList<double> get_last_lr() => lastLr;

    protected double[] CurrentLrs() => optimizer.param_groups.Select(g => g.lr).ToArray();
}

/// <summary>Multiplies the lr by gamma every step_size steps (PyTorch's recursive form, so values match exactly).</summary>
public sealed class StepLR : LRScheduler
{
    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (step_size <= 0) throw new ArgumentException("step_size must be positive");
        this.step_size = step_size;
        this.gamma = gamma;
        InitialStep();
    }

    public int step_size { get; }
    public double gamma { get; }

    protected override double[] get_lr()
    {
        var lrs = CurrentLrs();
        if (last_epoch == 0 || last_epoch % step_size != 0) return lrs;
        return lrs.Select(lr => lr * gamma).ToArray();
    }
}

/// <summary>lr = base_lr·(1 - t/total_iters)^power, reaching 0 at total_iters (PyTorch's recursive form).</summary>
public sealed class PolynomialLR : LRScheduler
{
    public PolynomialLR(Optimizer optimizer, int total_iters = 5, double power = 1, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (total_iters <= 0) throw new ArgumentException("total_iters must be positive");
        this.total_iters = total_iters;
        this.power = power;
        InitialStep();
    }

    public int total_iters { get; }
    public double power { get; }

    protected override double[] get_lr()
    {
        var lrs = CurrentLrs();
        if (last_epoch == 0 || last_epoch > total_iters) return lrs;
        var factor = Math.Pow((1.0 - (double)last_epoch / total_iters) / (1.0 - (double)(last_epoch - 1) / total_iters), power);
        return lrs.Select(lr => lr * factor).ToArray();
    }
}

/// <summary>lr = base_lr·lr_lambda(epoch): any schedule (the trainer's PaddleSeg schedules build on this).</summary>
public sealed class LambdaLR : LRScheduler
{
    private readonly Func<int, double> lambda;

    public LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        ArgumentNullException.ThrowIfNull(lr_lambda);
        lambda = lr_lambda;
        InitialStep();
    }

    protected override double[] get_lr() => base_lrs.Select(b => b * lambda(last_epoch)).ToArray();
}
