using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>ResNet_vd with 34 layers.</summary>
[SegComponent("ResNet34_vd", ComponentKind.Backbone)]
public sealed class ResNet34_vd(ResNetVdOptions options) : ResNet_vd(34, options);
