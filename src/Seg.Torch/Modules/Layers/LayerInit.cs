namespace Seg.Torch.Modules;

// Parameter creation and the default initialisation shared by Conv2d and Linear.
internal static class LayerInit
{
    internal static Parameter NewParameter(long[] shape, Device? device, ScalarType? dtype)
    {
        using var data = torch.empty(shape, dtype, device);
        return new Parameter(data);
    }

    internal static Parameter NewParameter(long[] shape, Scalar fill, Device? device, ScalarType? dtype)
    {
        using var data = torch.full(shape, fill, dtype ?? ScalarType.Float32, device);
        return new Parameter(data);
    }

    internal static Tensor NewBuffer(long[] shape, Scalar fill, Device? device, ScalarType? dtype)
    {
        return torch.full(shape, fill, dtype ?? ScalarType.Float32, device);
    }

    /// <summary>kaiming_uniform_(weight, a=√5), then bias ~ U(±1/√fan_in), as torch's Conv and Linear.</summary>
    internal static void ResetLinearLike(Tensor weight, Tensor? bias)
    {
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        var (fanIn, _) = torch.nn.init.calculate_fan_in_and_fan_out(weight);
        if (fanIn == 0) return;
        var bound = 1 / Math.Sqrt(fanIn);
        torch.nn.init.uniform_(bias, -bound, bound);
    }
}
