namespace Seg.Core.Registry;

/// <summary>
/// An options record whose values must agree with each other (allowed values, list lengths). The binder calls
/// <see cref="Validate"/> right after binding, before the component is built (and in <c>--validate</c>), and turns a
/// problem into a config error at the offending key.
/// </summary>
public interface IValidatedOptions
{
    /// <summary>null when the options are valid; else the offending key (as in the YAML) and what is allowed.</summary>
    (string Key, string Reason)? Validate();
}
