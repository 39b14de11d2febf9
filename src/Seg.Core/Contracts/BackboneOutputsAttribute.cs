namespace Seg.Core.Contracts;

/// <summary>
/// How many feature maps a <see cref="Backbone"/> returns (its <see cref="Backbone.FeatChannels"/> count), known from its
/// type alone, so that a model's <c>backbone_indices</c> can be checked before the backbone is built.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class BackboneOutputsAttribute(int count) : Attribute
{
    public int Count { get; } = count;

    /// <summary>The declared output count of <paramref name="backboneType"/>, or null when it declares none.</summary>
    public static int? CountOf(Type? backboneType) =>
        backboneType is null ? null : (GetCustomAttribute(backboneType, typeof(BackboneOutputsAttribute), inherit: true) as BackboneOutputsAttribute)?.Count;
}
