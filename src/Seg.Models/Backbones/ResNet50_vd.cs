using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>ResNet_vd with 50 layers.</summary>
[SegComponent("ResNet50_vd", ComponentKind.Backbone)]
public sealed class ResNet50_vd(ResNetVdOptions options) : ResNet_vd(50, options);
