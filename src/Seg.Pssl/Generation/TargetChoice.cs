namespace Seg.Pssl.Generation;

/// <summary>Which class each committee member explains (spec §11.1).</summary>
public enum TargetChoice
{
    /// <summary>The image's ground-truth class (from its synset folder) for every model: the class the mask is assigned to.</summary>
    Gt,

    /// <summary>Each model's own top-1 class on the clean input (InterpretDL's default).</summary>
    Top1,
}
