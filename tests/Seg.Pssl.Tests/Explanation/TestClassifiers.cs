using Seg.Pssl.Classification;

namespace Seg.Pssl.Tests.Explanation;

/// <summary>logits = W · flatten(x) + b: its input gradients are known in closed form.</summary>
internal sealed class LinearClassifier(Tensor weight, Tensor bias) : IImageClassifier
{
    public long NumClasses => weight.shape[0];

    public Tensor Weight => weight;

    public Tensor Logits(Tensor input) => torch.nn.functional.linear(input.flatten(1), weight, bias);
}

/// <summary>
/// A "spotlight": class 0 scores <c>scale</c> × the sum of the pixels (all channels) inside a rectangle, class 1 scores 0,
/// so every input gradient is zero outside the rectangle.
/// </summary>
internal sealed class SpotlightClassifier : IImageClassifier
{
    private readonly Tensor mask;

    public SpotlightClassifier(int width, int height, int x0, int y0, int w, int h, float scale)
    {
        var values = new float[3 * height * width];
        for (var c = 0; c < 3; c++)
            for (var y = y0; y < y0 + h; y++)
                for (var x = x0; x < x0 + w; x++) values[(c * height * width) + (y * width) + x] = scale;
        mask = torch.tensor(values, [1, 3, height, width]);
    }

    public long NumClasses => 2;

    public Tensor Logits(Tensor input)
    {
        var score = (input * mask).sum([1L, 2L, 3L]);
        return torch.stack([score, torch.zeros_like(score)], 1);
    }
}

/// <summary>One 3×3 convolution, ReLU, global average pooling and a linear layer, in float64 with fixed random weights.</summary>
internal sealed class SmallConvClassifier : IFeatureClassifier
{
    private readonly Tensor conv;
    private readonly Tensor fc;

    public SmallConvClassifier(long seed)
    {
        torch.manual_seed(seed);
        conv = torch.randn([4, 3, 3, 3], ScalarType.Float64) * 0.5;
        fc = torch.randn([3, 4], ScalarType.Float64);
    }

    public long NumClasses => 3;

    public Tensor ClassWeights => fc;

    public Tensor Features(Tensor input) => torch.nn.functional.relu(torch.nn.functional.conv2d(input, conv, null, 1, 1));

    public Tensor ClassifyFeatures(Tensor features) => torch.nn.functional.linear(features.mean([2L, 3L]), fc);

    public Tensor Logits(Tensor input) => ClassifyFeatures(Features(input));
}
