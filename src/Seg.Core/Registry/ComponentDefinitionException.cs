namespace Seg.Core.Registry;

/// <summary>A class marked with <see cref="SegComponentAttribute"/> that the registry cannot use (a developer error).</summary>
public sealed class ComponentDefinitionException : RegistryException
{
    public ComponentDefinitionException()
    {
    }

    public ComponentDefinitionException(string message)
        : base(message)
    {
    }

    public ComponentDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
