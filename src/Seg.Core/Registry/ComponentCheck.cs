using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// One <c>type:</c> of a config as validation saw it: bound against its registered options (every key checked), or
/// not available in this build (no registered component fits, and PaddleSeg has it or nothing of its kind exists yet).
/// </summary>
public sealed record ComponentCheck(string KeyPath, string Name, string Kind, SourceLocation? Location, bool IsAvailable)
{
    public override string ToString() => IsAvailable
        ? $"{KeyPath}: {Kind} '{Name}' checked"
        : $"{(Location is null ? "" : $"{Location}: ")}{KeyPath}: {Kind} '{Name}' is not available in this build; its keys were not checked";
}
