using Seg.Core.Contracts;
using Seg.Core.Weights;
using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// HRNet (Wang et al., "Deep High-Resolution Representation Learning for Visual Recognition"; PaddleSeg's
/// backbones/hrnet.py): two stride-2 3×3 stems, Layer1 (bottlenecks), then transitions and stages of
/// high-resolution modules that keep 2, 3 and 4 parallel branches and exchange them through fuse layers. forward
/// returns one map at 1/4: the four branches of the last stage upsampled (bilinear) and concatenated
/// (feat_channels = the sum of stage 4's channels). Conv weights start from Normal(0, 0.001), batch norm from 1 and 0.
/// </summary>
[BackboneOutputs(1)]
public class HRNet : Backbone
{
    private readonly ConvBNReLU convLayer1_1;
    private readonly ConvBNReLU convLayer1_2;
    private readonly HRNetLayer1 la1;
    private readonly HRNetTransitionLayer tr1;
    private readonly HRNetStage st2;
    private readonly HRNetTransitionLayer tr2;
    private readonly HRNetStage st3;
    private readonly HRNetTransitionLayer tr3;
    private readonly HRNetStage st4;
    private readonly long[] featChannels;

    public HRNet(HRNetLayout layout, HRNetOptions options) : base(nameof(HRNet))
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(options);
        var l = layout.With(options);
        l.Validate();
        Options = options;
        featChannels = [l.Stage4NumChannels.Sum()];
        long? padding = options.PaddingSame ? null : 1;
        var hasSe = options.HasSe;
        convLayer1_1 = new ConvBNReLU(options.InChannels, 64, 3, 2, padding, bias: false);
        convLayer1_2 = new ConvBNReLU(64, 64, 3, 2, padding, bias: false);
        la1 = new HRNetLayer1(64, l.Stage1NumChannels[0], l.Stage1NumBlocks[0], hasSe, "layer2", options.PaddingSame);
        tr1 = new HRNetTransitionLayer([l.Stage1NumChannels[0] * 4], l.Stage2NumChannels, "tr1", options.PaddingSame);
        st2 = new HRNetStage(l.Stage2NumChannels, l.Stage2NumModules, l.Stage2NumBlocks, l.Stage2NumChannels, hasSe, "st2", options.AlignCorners, options.PaddingSame);
        tr2 = new HRNetTransitionLayer(l.Stage2NumChannels, l.Stage3NumChannels, "tr2", options.PaddingSame);
        st3 = new HRNetStage(l.Stage3NumChannels, l.Stage3NumModules, l.Stage3NumBlocks, l.Stage3NumChannels, hasSe, "st3", options.AlignCorners, options.PaddingSame);
        tr3 = new HRNetTransitionLayer(l.Stage3NumChannels, l.Stage4NumChannels, "tr3", options.PaddingSame);
        st4 = new HRNetStage(l.Stage4NumChannels, l.Stage4NumModules, l.Stage4NumBlocks, l.Stage4NumChannels, hasSe, "st4", options.AlignCorners, options.PaddingSame);
        register_module("conv_layer1_1", convLayer1_1);
        register_module("conv_layer1_2", convLayer1_2);
        register_module("la1", la1);
        register_module("tr1", tr1);
        register_module("st2", st2);
        register_module("tr2", tr2);
        register_module("st3", st3);
        register_module("tr3", tr3);
        register_module("st4", st4);
        foreach (var m in modules())
        {
            if (m is Conv2d conv) torch.nn.init.normal_(conv.weight, 0, 0.001);
            if (m is BatchNorm2d bn && bn.weight is { } w && bn.bias is { } b)
            {
                torch.nn.init.ones_(w);
                torch.nn.init.zeros_(b);
            }
        }
        PretrainedWeights.Load(this, options.Pretrained);
    }

    public HRNetOptions Options { get; }

    public override IReadOnlyList<long> FeatChannels => featChannels;

    public override Tensor[] forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor[] x;
        using (var conv1 = convLayer1_1.call(input))
        using (var conv2 = convLayer1_2.call(conv1))
        using (var layer1 = la1.call(conv2))
            x = tr1.call([layer1]);
        x = Then(st2, x);
        x = Then(tr2, x);
        x = Then(st3, x);
        x = Then(tr3, x);
        x = Then(st4, x);
        var upsampled = new List<Tensor>(x.Length);
        try
        {
            var size = Resize.SpatialSize(x[0]);
            upsampled.Add(x[0].alias());
            for (var i = 1; i < x.Length; i++) upsampled.Add(Resize.To(x[i], size, ResizeMode.Bilinear, Options.AlignCorners));
            return [torch.cat(upsampled, 1)];
        }
        finally
        {
            foreach (var t in upsampled) t.Dispose();
            foreach (var t in x) t.Dispose();
        }
    }

    private static Tensor[] Then(Module<Tensor[], Tensor[]> module, Tensor[] input)
    {
        try
        {
            return module.call(input);
        }
        finally
        {
            foreach (var t in input) t.Dispose();
        }
    }
}
