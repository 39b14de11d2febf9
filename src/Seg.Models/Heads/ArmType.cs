using Seg.Core.Registry;

namespace Seg.Models.Heads;

/// <summary>PP-LiteSeg's arm_type: the unified attention fusion module that fuses each decoder level.</summary>
public enum ArmType
{
    [ConfigName("UAFM")] UAFM,
    [ConfigName("UAFM_SpAtten")] UAFM_SpAtten,
    [ConfigName("UAFM_SpAtten_S")] UAFM_SpAtten_S,
    [ConfigName("UAFM_ChAtten")] UAFM_ChAtten,
    [ConfigName("UAFM_ChAtten_S")] UAFM_ChAtten_S,
}
