using Seg.Core.Registry;

namespace Seg.Models.Backbones;

/// <summary>STDC1 (STDCNet813): base 64, stages of 2, 2, 2 blocks.</summary>
[SegComponent("STDC1", ComponentKind.Backbone)]
public sealed class STDC1(STDCNetOptions options) : STDCNet(64, [2, 2, 2], options);
