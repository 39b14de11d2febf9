namespace Seg.Core.Registry;

/// <summary>Base of every error the registry reports to a user (bad config, bad component, duplicates).</summary>
public class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
