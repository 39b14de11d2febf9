namespace Seg.Core.Registry;

/// <summary>
/// The <c>type:</c> names PaddleSeg (v2.8+) registers, by kind. Nothing is registered from this list: it only lets
/// config validation tell a PaddleSeg component that this build of Seg does not have yet ("not available in this
/// build") from a misspelt or invented name (an error).
/// </summary>
public static class PaddleSegComponentNames
{
    private static readonly Dictionary<ComponentKind, HashSet<string>> Names = new()
    {
        [ComponentKind.Model] = Set(
            "ANN", "APCNet", "AttentionUNet", "BiSeNetV2", "BiseNetV1", "CCNet", "DANet", "DDRNet_23", "DecoupledSegNet",
            "DeepLabV3", "DeepLabV3P", "DMNet", "DNLNet", "DPT", "EMANet", "ENCNet", "ENet", "ESPNetV1", "ESPNetV2",
            "FastFCN", "FastSCNN", "FCN", "GCNet", "GINet", "GloRe", "GSCNN", "HarDNet", "HRNetW48Contrast", "ISANet",
            "KNet", "Lraspp", "MaskFormer", "MLATransformer", "MobileSeg", "OCRNet", "PFPNNet", "PointRend",
            "PortraitNet", "PPHumanSegLite", "PPLiteSeg", "PPMobileSeg", "PSPNet", "RTFormer", "SegFormer",
            "SegmentationTransformer", "SegNeXt", "SegNet", "SFNet", "SINet", "STDCSeg", "TopFormer", "U2Net", "U2Netp",
            "UNet", "UNet3Plus", "UNetPlusPlus", "UPerNet", "UPerNetViTAdapter"),
        [ComponentKind.Backbone] = Set(
            "STDC1", "STDC2", "ResNet18_vd", "ResNet34_vd", "ResNet50_vd", "ResNet101_vd", "ResNet152_vd", "ResNet200_vd",
            "HRNet_W18_Small_V1", "HRNet_W18_Small_V2", "HRNet_W18", "HRNet_W30", "HRNet_W32", "HRNet_W40", "HRNet_W44",
            "HRNet_W48", "HRNet_W60", "HRNet_W64", "UHRNet_W18_Small", "UHRNet_W18", "UHRNet_W48",
            "MobileNetV2_x0_25", "MobileNetV2_x0_5", "MobileNetV2_x0_75", "MobileNetV2_x1_0", "MobileNetV2_x1_5",
            "MobileNetV2_x2_0", "MobileNetV3_small_x1_0", "MobileNetV3_large_x1_0", "MobileNetV3_large_x0_5",
            "Xception41_deeplab", "Xception65_deeplab", "Xception71_deeplab", "MixVisionTransformer_B0",
            "MixVisionTransformer_B1", "MixVisionTransformer_B2", "MixVisionTransformer_B3", "MixVisionTransformer_B4",
            "MixVisionTransformer_B5", "SwinTransformer_tiny_patch4_window7_224", "SwinTransformer_small_patch4_window7_224",
            "SwinTransformer_base_patch4_window7_224", "ViT_small_patch16_224", "ViT_base_patch16_224",
            "ViT_large_patch16_224", "Lite_HRNet_18", "Lite_HRNet_30", "MSCAN_T", "MSCAN_S", "MSCAN_B", "MSCAN_L",
            "TopTransformer_Base", "TopTransformer_Small", "TopTransformer_Tiny", "StrideFormer", "CSPNet"),
        [ComponentKind.Dataset] = Set(
            "Dataset", "SegDataset", "Cityscapes", "ADE20K", "PascalVOC", "CocoStuff", "PascalContext", "OpticDiscSeg",
            "DRIVE", "STARE", "HRF", "CHASEDB1", "EG1800", "SUPERVISELY", "PPHumanSeg14K", "MiniDeepGlobeRoadExtraction",
            "PSSLDataset", "AutoNUE", "MVTec_AD"),
        [ComponentKind.Transform] = Set(
            "Normalize", "Resize", "ResizeByLong", "ResizeByShort", "LimitLong", "ResizeRangeScaling", "ResizeStepScaling",
            "RandomHorizontalFlip", "RandomVerticalFlip", "Padding", "PaddingByAspectRatio", "RandomPaddingCrop",
            "RandomCenterCrop", "ScalePadding", "RandomNoise", "RandomBlur", "RandomRotation", "RandomScaleAspect",
            "RandomDistort", "RandomAffine", "RandomErasing", "GenerateInstanceTargets", "ConvertRGBToGray", "AddMultiLabel"),
        [ComponentKind.Loss] = Set(
            "BCELoss", "BootstrappedCrossEntropyLoss", "CrossEntropyLoss", "DistillCrossEntropyLoss", "RelaxBoundaryLoss",
            "DetailAggregateLoss", "DiceLoss", "DistillationLoss", "EdgeAttentionLoss", "FocalLoss", "MultiClassFocalLoss",
            "DualTaskLoss", "KLLoss", "L1Loss", "LovaszSoftmaxLoss", "LovaszHingeLoss", "MaskFormerLoss", "MSELoss",
            "MixedLoss", "OhemCrossEntropyLoss", "OhemEdgeAttentionLoss", "PixelContrastCrossEntropyLoss",
            "PointCrossEntropyLoss", "RMILoss", "SemanticConnectivityLoss", "SECrossEntropyLoss"),
        [ComponentKind.Optimizer] = Set("SGD", "Momentum", "Adam", "AdamW", "AdamWDL", "AdamWDL_CAE"),
        [ComponentKind.LrScheduler] = Set(
            "PolynomialDecay", "StepDecay", "MultiStepDecay", "PiecewiseDecay", "CosineAnnealingDecay",
            "CosineAnnealingWarmRestarts", "ExponentialDecay", "NaturalExpDecay", "InverseTimeDecay", "NoamDecay",
            "OneCycleLR", "CyclicLR", "LinearLR", "LinearWarmup", "LambdaDecay", "MultiplicativeDecay", "ReduceOnPlateau"),
        [ComponentKind.Metric] = Set(),
    };

    /// <summary>Whether PaddleSeg registers <paramref name="name"/> as a <paramref name="kind"/> (any kind when null).</summary>
    public static bool Contains(ComponentKind? kind, string name) =>
        kind is { } k ? Names.TryGetValue(k, out var set) && set.Contains(name) : Names.Values.Any(s => s.Contains(name));

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
