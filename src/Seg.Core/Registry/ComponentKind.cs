namespace Seg.Core.Registry;

/// <summary>
/// What a registered component is. PaddleSeg keeps one registry per kind (MODELS, BACKBONES, ...);
/// Seg scopes every lookup by the kind (and CLR type) the config position expects.
/// </summary>
public enum ComponentKind
{
    Model,
    Backbone,
    Dataset,
    Transform,
    Loss,
    Optimizer,
    LrScheduler,
    Metric,
}
