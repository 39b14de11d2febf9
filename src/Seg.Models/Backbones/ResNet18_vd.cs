using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>ResNet_vd with 18 layers.</summary>
[SegComponent("ResNet18_vd", ComponentKind.Backbone)]
public sealed class ResNet18_vd(ResNetVdOptions options) : ResNet_vd(18, options);
