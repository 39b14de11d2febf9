using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>HRNet with width 18 (branches of 18, 36, 72 and 144 channels).</summary>
[SegComponent("HRNet_W18", ComponentKind.Backbone)]
public sealed class HRNet_W18(HRNetOptions options) : HRNet(HRNetLayout.Standard(18), options);
