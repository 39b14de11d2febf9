using Seg.Pssl.Classification;
using Seg.Torch;

namespace Seg.Pssl.Explanation;

/// <summary>
/// Class activation mapping (Zhou et al. 2016): M_c = Σ_k w_ck f_k over the last feature map, ReLU, bilinear upsampling
/// to the input. Needs a global-pooling + linear classifier (<see cref="IFeatureClassifier"/>).
/// </summary>
public sealed class Cam : IExplainer
{
    public string Name => "cam";

    public Tensor Explain(IImageClassifier model, Tensor inputs, IReadOnlyList<long> targets, IReadOnlyList<long> seeds)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        var classifier = model as IFeatureClassifier ?? throw new ArgumentException($"CAM needs a backbone + global pooling + linear classifier, not {model?.GetType().Name}");
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var features = classifier.Features(inputs);
        var index = torch.tensor(targets.ToArray(), [targets.Count], device: features.device);
        var weights = classifier.ClassWeights.index_select(0, index);
        var map = (features * weights.unsqueeze(-1).unsqueeze(-1)).sum(1, keepdim: true);
        return scope.MoveToOuter(FeatureMaps.ToInput(torch.nn.functional.relu(map), inputs));
    }
}
