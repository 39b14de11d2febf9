namespace Seg.Core.Registry;

/// <summary>
/// An options record whose values must agree with the components configured under it. The binder calls
/// <see cref="Validate"/> after binding the children's options and before constructing the component (and in
/// <c>--validate</c>, where nothing is constructed), and turns a problem into a config error at the offending key.
/// </summary>
public interface IValidatedWithChildren
{
    /// <summary>null when the options fit their children; else the offending key (as in the YAML) and what is allowed.</summary>
    (string Key, string Reason)? Validate(ConfiguredChildren children);
}
