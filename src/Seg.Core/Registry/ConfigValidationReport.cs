namespace Seg.Core.Registry;

/// <summary>What <see cref="ConfigValidator"/> checked, in config order.</summary>
public sealed record ConfigValidationReport(IReadOnlyList<ComponentCheck> Components)
{
    public IEnumerable<ComponentCheck> Checked => Components.Where(c => c.IsAvailable);

    public IEnumerable<ComponentCheck> NotAvailable => Components.Where(c => !c.IsAvailable);
}
