using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// A config value that cannot become what its component expects. The message starts with
/// <c>file:line:column: key.path:</c> so that the user can go straight to the YAML.
/// </summary>
public sealed class ConfigBindingException : RegistryException
{
    public ConfigBindingException()
    {
    }

    public ConfigBindingException(string message)
        : base(message)
    {
    }

    public ConfigBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigBindingException(SourceLocation? location, string keyPath, string reason, Exception? innerException = null)
        : base(Format(location, keyPath, reason), innerException!)
    {
        Location = location;
        KeyPath = keyPath;
        Reason = reason;
    }

    public SourceLocation? Location { get; }

    /// <summary>Dotted path of the offending key, e.g. <c>model.backbone.type</c> or <c>train_dataset.transforms[1].crop_size</c>.</summary>
    public string KeyPath { get; } = "";

    /// <summary>The message without location and key path.</summary>
    public string Reason { get; } = "";

    private static string Format(SourceLocation? location, string keyPath, string reason)
    {
        var where = location?.ToString() ?? "config";
        return keyPath.Length == 0 ? $"{where}: {reason}" : $"{where}: {keyPath}: {reason}";
    }
}
