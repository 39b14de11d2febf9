namespace Seg.Core.Registry;

/// <summary>
/// Two classes claim the same kind and name. PaddleSeg silently lets the later one win; Seg refuses,
/// because which one a config gets would depend on load order.
/// </summary>
public sealed class DuplicateComponentException : RegistryException
{
    public DuplicateComponentException()
    {
    }

    public DuplicateComponentException(string message)
        : base(message)
    {
    }

    public DuplicateComponentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DuplicateComponentException(ComponentRegistration existing, ComponentRegistration duplicate)
        : base($"{duplicate.Kind} '{duplicate.Name}' is registered twice: by {existing.ComponentType.FullName} in {existing.AssemblyDescription} " +
               $"and by {duplicate.ComponentType.FullName} in {duplicate.AssemblyDescription}. Remove one of the assemblies or rename one component.")
    {
        Existing = existing;
        Duplicate = duplicate;
    }

    public ComponentRegistration? Existing { get; }

    public ComponentRegistration? Duplicate { get; }
}
