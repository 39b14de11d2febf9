using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>
/// OCRNet's OCRHead: soft object regions from the shallow feature (aux_head), pixel representations from the deep one
/// (conv3x3_ocr), the region representations gathered from the pixels (softmax over each region's map), the spatial
/// OCR module and a 1×1 classifier. Returns [logits, soft_regions]. Convs start from Normal(0, 0.001).
/// </summary>
public sealed class OCRHead : Module<Tensor[], Tensor[]>
{
    private readonly long numClasses;
    private readonly long midChannels;
    private readonly int[] indices;
    private readonly SpatialOCRModule spatialOcr;
    private readonly ConvBNReLU conv3x3Ocr;
    private readonly Conv2d clsHead;
    private readonly Sequential auxHead;

    public OCRHead(long numClasses, IReadOnlyList<long> inChannels, long ocrMidChannels, long ocrKeyChannels) : base(nameof(OCRHead))
    {
        this.numClasses = numClasses;
        midChannels = ocrMidChannels;
        indices = inChannels.Count > 1 ? [inChannels.Count - 2, inChannels.Count - 1] : [0, 0];
        spatialOcr = new SpatialOCRModule(ocrMidChannels, ocrKeyChannels, ocrMidChannels);
        conv3x3Ocr = new ConvBNReLU(inChannels[indices[1]], ocrMidChannels, 3, padding: 1);
        clsHead = PaddleLayers.Conv2d(ocrMidChannels, numClasses, 1);
        var shallow = inChannels[indices[0]];
        auxHead = new Sequential(new ConvBNReLU(shallow, shallow, 1), PaddleLayers.Conv2d(shallow, numClasses, 1));
        register_module("spatial_ocr", spatialOcr);
        register_module("conv3x3_ocr", conv3x3Ocr);
        register_module("cls_head", clsHead);
        register_module("aux_head", auxHead);
        foreach (var m in modules())
            if (m is Conv2d conv) torch.nn.init.normal_(conv.weight, 0, 0.001);
    }

    public override Tensor[] forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var softRegions = auxHead.call(input[indices[0]]);
        try
        {
            using var pixels = conv3x3Ocr.call(input[indices[1]]);
            using var objectRegions = SpatialGather(pixels, softRegions);
            using var ocr = spatialOcr.forward(pixels, objectRegions);
            return [clsHead.call(ocr), softRegions];
        }
        catch
        {
            softRegions.Dispose();
            throw;
        }
    }

    /// <summary>SpatialGatherBlock: each region's softmax over the pixels weights the pixel representations → [N, C, K, 1].</summary>
    private Tensor SpatialGather(Tensor pixels, Tensor regions)
    {
        var n = pixels.shape[0];
        using var p = pixels.reshape(n, midChannels, -1);
        using var pT = p.transpose(1, 2);
        using var r = regions.reshape(n, numClasses, -1);
        using var weights = torch.nn.functional.softmax(r, 2);
        using var feats = torch.bmm(weights, pT);
        using var featsT = feats.transpose(1, 2);
        return featsT.unsqueeze(-1);
    }
}
