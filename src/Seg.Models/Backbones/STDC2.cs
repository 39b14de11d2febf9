using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>STDC2 (STDCNet1446): base 64, stages of 4, 5, 3 blocks.</summary>
[SegComponent("STDC2", ComponentKind.Backbone)]
public sealed class STDC2(STDCNetOptions options) : STDCNet(64, [4, 5, 3], options);
