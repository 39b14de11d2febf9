namespace Seg.Torch.Modules;

/// <summary>2-D convolution with PyTorch's default initialisation (kaiming_uniform a=√5, bias ±1/√fan_in).</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    private readonly long[] stride_;
    private readonly long[] padding_;
    private readonly long[] dilation_;

    public Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride, (long, long) padding,
        (long, long) dilation, long groups = 1, bool bias = true, PaddingModes padding_mode = PaddingModes.Zeros,
        Device? device = null, ScalarType? dtype = null) : base(nameof(Conv2d))
    {
        if (groups <= 0) throw new ArgumentException("groups must be a positive integer");
        if (in_channels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups");
        if (out_channels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups");
        if (padding_mode == PaddingModes.Constant) throw new ArgumentException("padding_mode must be Zeros, Reflect, Replicate or Circular");
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        this.kernel_size = kernel_size;
        this.groups = groups;
        this.padding_mode = padding_mode;
        stride_ = [stride.Item1, stride.Item2];
        padding_ = [padding.Item1, padding.Item2];
        dilation_ = [dilation.Item1, dilation.Item2];
        weight = LayerInit.NewParameter([out_channels, in_channels / groups, kernel_size.Item1, kernel_size.Item2], device, dtype);
        register_parameter(nameof(weight), weight);
        if (bias)
        {
            this.bias = LayerInit.NewParameter([out_channels], device, dtype);
            register_parameter(nameof(bias), this.bias);
        }
        reset_parameters();
    }

    public long in_channels { get; }
    public long out_channels { get; }
    public (long, long) kernel_size { get; }
    public (long, long) stride => (stride_[0], stride_[1]);
    public (long, long) padding => (padding_[0], padding_[1]);
    public (long, long) dilation => (dilation_[0], dilation_[1]);
    public long groups { get; }
    public PaddingModes padding_mode { get; }
    public Parameter weight { get; }
    public Parameter? bias { get; }

    /// <summary>Set by <see cref="BatchNormFolding.Fold"/>: in eval mode the conv runs with the fold's weight and bias.</summary>
    public ConvBatchNormFold? Fold { get; internal set; }

    /// <summary>PyTorch's _ConvNd.reset_parameters: same draws from the default generator.</summary>
    public void reset_parameters() => LayerInit.ResetLinearLike(weight, bias);

    public override Tensor forward(Tensor input)
    {
        var (w, b) = Fold is { Active: true } fold ? (fold.Weight, fold.Bias) : (weight, bias);
        if (padding_mode == PaddingModes.Zeros)
            return torch.nn.functional.conv2d(input, w, b, stride_, padding_, dilation_, groups);
        // As PyTorch: other modes pad explicitly (left, right, top, bottom), then convolve without padding.
        using var padded = torch.nn.functional.pad(input, [padding_[1], padding_[1], padding_[0], padding_[0]], padding_mode);
        return torch.nn.functional.conv2d(padded, w, b, stride_, [0, 0], dilation_, groups);
    }
}
