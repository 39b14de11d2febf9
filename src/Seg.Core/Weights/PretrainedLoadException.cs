namespace Seg.Core.Weights;

/// <summary>
/// A component's configured <c>pretrained:</c> weights could not be applied: which module (its path in the model, empty
/// for the model itself) and the cause as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class PretrainedLoadException : Exception
{
    public PretrainedLoadException()
    {
    }

    public PretrainedLoadException(string message)
        : base(message)
    {
    }

    public PretrainedLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The weights of the module at <paramref name="modulePath"/> failed: the message is the cause's.</summary>
    public static PretrainedLoadException For(string modulePath, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new(cause.Message, cause) { ModulePath = modulePath };
    }

    /// <summary>The module's path in the model (e.g. <c>backbone</c>); empty for the model itself.</summary>
    public string ModulePath { get; private init; } = "";
}
