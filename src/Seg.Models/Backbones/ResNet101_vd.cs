using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>ResNet_vd with 101 layers.</summary>
[SegComponent("ResNet101_vd", ComponentKind.Backbone)]
public sealed class ResNet101_vd(ResNetVdOptions options) : ResNet_vd(101, options);
