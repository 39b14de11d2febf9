using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>ResNet_vd with 152 layers.</summary>
[SegComponent("ResNet152_vd", ComponentKind.Backbone)]
public sealed class ResNet152_vd(ResNetVdOptions options) : ResNet_vd(152, options);
