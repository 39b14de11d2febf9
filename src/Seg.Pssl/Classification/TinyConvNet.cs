using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Pssl.Classification;

/// <summary>
/// A very small backbone for tests and the quickstart's committee (seconds on a CPU): per stage a stride-2 3×3
/// conv-BN-ReLU and a 3×3 conv-BN-ReLU; returns every stage's feature map. Not a PaddleSeg model.
/// </summary>
[SegComponent("TinyConvNet", ComponentKind.Backbone)]
public sealed class TinyConvNet : Backbone, IPretrainedComponent
{
    private readonly Sequential[] stages;

    public TinyConvNet(TinyConvNetOptions options) : base(nameof(TinyConvNet))
    {
        ArgumentNullException.ThrowIfNull(options);
        if (((IValidatedOptions)options).Validate() is var (key, reason)) throw new ArgumentException($"TinyConvNet: {key} {reason}");
        FeatChannels = options.Channels;
        stages = new Sequential[options.Channels.Count];
        var inChannels = options.InChannels;
        for (var i = 0; i < stages.Length; i++)
        {
            var c = options.Channels[i];
            stages[i] = new Sequential(
                ("0", new Conv2d(inChannels, c, (3, 3), (2, 2), (1, 1), (1, 1), bias: false)), ("1", new BatchNorm2d(c)), ("2", new ReLU()),
                ("3", new Conv2d(c, c, (3, 3), (1, 1), (1, 1), (1, 1), bias: false)), ("4", new BatchNorm2d(c)), ("5", new ReLU()));
            register_module($"stage{i}", stages[i]);
            inChannels = c;
        }
        Pretrained = options.Pretrained;
    }

    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>
    public string? Pretrained { get; }

    public override IReadOnlyList<long> FeatChannels { get; }

    public override Tensor[] forward(Tensor input)
    {
        var features = new Tensor[stages.Length];
        var x = input;
        for (var i = 0; i < stages.Length; i++) x = features[i] = stages[i].call(x);
        return features;
    }
}
