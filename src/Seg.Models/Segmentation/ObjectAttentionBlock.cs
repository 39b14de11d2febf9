using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>
/// OCRNet's ObjectAttentionBlock: queries from the pixels (f_pixel), keys and values from the object regions (f_object,
/// f_down); softmax(QᵀK / √key_channels) over the regions weights the values, and f_up maps the context back.
/// </summary>
public sealed class ObjectAttentionBlock : Module
{
    private readonly long keyChannels;
    private readonly Sequential fPixel;
    private readonly Sequential fObject;
    private readonly ConvBNReLU fDown;
    private readonly ConvBNReLU fUp;

    public ObjectAttentionBlock(long inChannels, long keyChannels) : base(nameof(ObjectAttentionBlock))
    {
        this.keyChannels = keyChannels;
        fPixel = new Sequential(new ConvBNReLU(inChannels, keyChannels, 1), new ConvBNReLU(keyChannels, keyChannels, 1));
        fObject = new Sequential(new ConvBNReLU(inChannels, keyChannels, 1), new ConvBNReLU(keyChannels, keyChannels, 1));
        fDown = new ConvBNReLU(inChannels, keyChannels, 1);
        fUp = new ConvBNReLU(keyChannels, inChannels, 1);
        register_module("f_pixel", fPixel);
        register_module("f_object", fObject);
        register_module("f_down", fDown);
        register_module("f_up", fUp);
    }

    public Tensor forward(Tensor x, Tensor proxy)
    {
        var shape = x.shape;
        using var q = fPixel.call(x);
        using var qFlat = q.reshape(shape[0], keyChannels, -1);
        using var query = qFlat.transpose(1, 2);
        using var k = fObject.call(proxy);
        using var key = k.reshape(shape[0], keyChannels, -1);
        using var v = fDown.call(proxy);
        using var vFlat = v.reshape(shape[0], keyChannels, -1);
        using var value = vFlat.transpose(1, 2);
        using var sim = torch.bmm(query, key);
        using var scaled = sim.mul(Math.Pow(keyChannels, -0.5));
        using var attention = torch.nn.functional.softmax(scaled, -1);
        using var context = torch.bmm(attention, value);
        using var contextT = context.transpose(1, 2);
        using var contextMap = contextT.reshape(shape[0], keyChannels, shape[2], shape[3]);
        return fUp.call(contextMap);
    }
}
