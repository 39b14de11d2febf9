namespace Seg.Core.Weights.Pickle;

/// <summary>A global that an allowlist accepted (GLOBAL / STACK_GLOBAL): a name only, never a loaded Python object.</summary>
internal sealed record PyGlobal(string Module, string Name)
{
    public string FullName => $"{Module}.{Name}";

    public override string ToString() => FullName;
}
