using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>2-D max pooling; stride defaults to kernel_size.</summary>
public sealed class MaxPool2d : Module<Tensor, Tensor>
{
    private readonly long[] kernel_;
    private readonly long[] stride_;
    private readonly long[] padding_;
    private readonly long[] dilation_;

    public MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
        (long, long)? dilation = null, bool ceil_mode = false) : base(nameof(MaxPool2d))
    {
        kernel_ = [kernel_size.Item1, kernel_size.Item2];
        var s = stride ?? kernel_size;
        stride_ = [s.Item1, s.Item2];
        var p = padding ?? (0, 0);
        padding_ = [p.Item1, p.Item2];
        var d = dilation ?? (1, 1);
        dilation_ = [d.Item1, d.Item2];
        this.ceil_mode = ceil_mode;
    }

    public (long, long) kernel_size => (kernel_[0], kernel_[1]);
    public (long, long) stride => (stride_[0], stride_[1]);
    public (long, long) padding => (padding_[0], padding_[1]);
    public (long, long) dilation => (dilation_[0], dilation_[1]);
    public bool ceil_mode { get; }

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.max_pool2d(input, kernel_, stride_, padding_, dilation_, ceil_mode);
}
