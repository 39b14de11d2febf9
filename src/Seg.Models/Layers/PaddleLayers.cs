using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>
/// Paddle's nn.Conv2D and nn.BatchNorm2D with Paddle's default initialisation: conv weights
/// Normal(0, √(2 / (in_channels·k·k))), conv biases 0; BatchNorm γ = 1, β = 0, momentum 0.9 (torch's 0.1),
/// epsilon 1e-5.
/// </summary>
public static class PaddleLayers
{
    public static Conv2d Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long groups = 1, bool bias = true, long dilation = 1)
    {
        var conv = new Conv2d(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation), groups, bias);
        // Paddle's fan-in counts every input channel, groups or not.
        torch.nn.init.normal_(conv.weight, 0, Math.Sqrt(2.0 / (inChannels * kernelSize * kernelSize)));
        if (conv.bias is { } b) torch.nn.init.zeros_(b);
        return conv;
    }

    public static BatchNorm2d BatchNorm2d(long numFeatures) => new(numFeatures, eps: 1e-5, momentum: 0.1);

    /// <summary>Paddle's padding='same' for stride 1 and an odd kernel.</summary>
    internal static long Same(long kernelSize) => kernelSize / 2;
}
