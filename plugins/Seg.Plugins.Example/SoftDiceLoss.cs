using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Plugins.Example;

/// <summary>
/// PaddleSeg's <c>DiceLoss</c> (paddleseg/models/losses/dice_loss.py) as a plugin: softmax over the
/// classes, one-hot labels with <c>ignore_index</c> pixels masked out, and per class and image
/// <c>1 - (2·Σ p·y + smooth) / (Σ (p + y) + smooth + 1e-8)</c>, averaged over images, weighted and
/// averaged over classes. Registered as <c>SoftDiceLoss</c> so it never clashes with a built-in DiceLoss.
/// </summary>
/// <remarks>
/// Seg.Torch has no tensor arithmetic yet, so this computes on the CPU from the tensors' data and
/// returns the value as a scalar tensor (no autograd). It becomes tensor code once the ops land.
/// </remarks>
[SegComponent("SoftDiceLoss", ComponentKind.Loss)]
public sealed class SoftDiceLoss(SoftDiceLossOptions options)
{
    private const double Eps = 1e-8;

    public SoftDiceLossOptions Options { get; } = options;

    /// <summary>logits [N, C, H, W] (float), labels [N, H, W] (integer class ids) -> a scalar float32 tensor.</summary>
    public Tensor forward(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var shape = logits.shape;
        if (shape.Length != 4 || labels.shape is not [var ln, var lh, var lw] || ln != shape[0] || lh != shape[2] || lw != shape[3])
            throw new ArgumentException($"SoftDiceLoss expects logits [N, C, H, W] and labels [N, H, W], got [{string.Join(", ", shape)}] and [{string.Join(", ", labels.shape)}]");
        int n = (int)shape[0], c = (int)shape[1], hw = (int)(shape[2] * shape[3]);
        if (Options.Weight != null && Options.Weight.Count != c)
            throw new ArgumentException($"weight has {Options.Weight.Count} values but the logits have {c} classes");

        using var x = logits.to(Device.CPU, ScalarType.Float32);
        using var y = labels.to(Device.CPU, ScalarType.Int64);
        var p = x.data<float>();
        var l = y.data<long>();
        var intersection = new double[n, c];
        var cardinality = new double[n, c];
        var prob = new double[c];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < hw; j++)
            {
                var label = l[i * hw + j];
                if (label == Options.IgnoreIndex) continue;
                if (label < 0 || label >= c) throw new ArgumentException($"label {label} is outside [0, {c}) and is not ignore_index {Options.IgnoreIndex}");
                Softmax(p, i * c * hw + j, hw, prob);
                for (var k = 0; k < c; k++)
                {
                    var onehot = k == label ? 1.0 : 0.0;
                    intersection[i, k] += prob[k] * onehot;
                    cardinality[i, k] += prob[k] + onehot;
                }
            }
        }

        var loss = 0.0;
        for (var k = 0; k < c; k++)
        {
            var classLoss = 0.0;
            for (var i = 0; i < n; i++)
                classLoss += 1 - ((2 * intersection[i, k]) + Options.Smooth) / (cardinality[i, k] + Options.Smooth + Eps);
            loss += classLoss / n * (Options.Weight?[k] ?? 1.0);
        }
        return torch.scalar_tensor(loss / c, ScalarType.Float32);
    }

    private static void Softmax(float[] logits, int offset, int stride, double[] result)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < result.Length; k++) max = Math.Max(max, logits[offset + k * stride]);
        var sum = 0.0;
        for (var k = 0; k < result.Length; k++) sum += result[k] = Math.Exp(logits[offset + k * stride] - max);
        for (var k = 0; k < result.Length; k++) result[k] /= sum;
    }
}
