using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>2-D average pooling; stride defaults to kernel_size.</summary>
public sealed class AvgPool2d : Module<Tensor, Tensor>
{
    private readonly long[] kernel_;
    private readonly long[] stride_;
    private readonly long[] padding_;

    public AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
        bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) : base(nameof(AvgPool2d))
    {
        kernel_ = [kernel_size.Item1, kernel_size.Item2];
        var s = stride ?? kernel_size;
        stride_ = [s.Item1, s.Item2];
        var p = padding ?? (0, 0);
        padding_ = [p.Item1, p.Item2];
        if (divisor_override is <= 0) throw new ArgumentException("divisor must be not zero");
        this.ceil_mode = ceil_mode;
        this.count_include_pad = count_include_pad;
        this.divisor_override = divisor_override;
    }

    public (long, long) kernel_size => (kernel_[0], kernel_[1]);
    public (long, long) stride => (stride_[0], stride_[1]);
    public (long, long) padding => (padding_[0], padding_[1]);
    public bool ceil_mode { get; }
    public bool count_include_pad { get; }
    public long? divisor_override { get; }

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.avg_pool2d(input, kernel_, stride_, padding_, ceil_mode, count_include_pad, divisor_override);
}
