using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>HRNet with width 48 (branches of 48, 96, 192 and 384 channels).</summary>
[SegComponent("HRNet_W48", ComponentKind.Backbone)]
public sealed class HRNet_W48(HRNetOptions options) : HRNet(HRNetLayout.Standard(48), options);
