namespace Seg.Cli.PluginTemplates;

/// <summary>The kinds <c>seg plugins new --kind</c> writes a starting component for, with its template.</summary>
internal static class PluginKind
{
    internal static readonly IReadOnlyDictionary<string, Func<string, ComponentTemplate>> Templates = new Dictionary<string, Func<string, ComponentTemplate>>(StringComparer.Ordinal)
    {
        ["model"] = ModelTemplate.Create,
        ["loss"] = LossTemplate.Create,
        ["dataset"] = DatasetTemplate.Create,
        ["transform"] = TransformTemplate.Create,
        ["backbone"] = BackboneTemplate.Create,
    };
}
