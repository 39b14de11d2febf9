namespace Seg.Pssl.Explanation;

/// <summary>Which output an input-gradient explainer differentiates (InterpretDL's <c>gradient_of</c>).</summary>
public enum GradientTarget
{
    /// <summary>The softmax probability of the target class (InterpretDL's default).</summary>
    Probability,

    /// <summary>The target class's logit.</summary>
    Logit,
}
