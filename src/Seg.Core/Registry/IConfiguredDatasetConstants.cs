using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// A fixed dataset whose class constants follow its data (PSSLDataset: the number of synsets), so that the config
/// checker injects and checks those instead of the <see cref="DatasetConstantsAttribute"/> values.
/// </summary>
public interface IConfiguredDatasetConstants
{
    /// <summary>The constants for the dataset <paramref name="dataset"/> configures, or null to use the attribute's.</summary>
    static abstract DatasetDefaults? ConstantsFor(ConfigMap dataset);
}
