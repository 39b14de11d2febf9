namespace Seg.Torch.Modules;

/// <summary>
/// Gives a field the exact state-dict key it registers under in <see cref="Module.RegisterComponents"/>
/// (e.g. PaddleSeg's names), instead of the field's own name.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class ComponentNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
