using Seg.Core.Training;
using Seg.Torch;

namespace Seg.Reports.Samples;

// Validation images are a view of the run: failing to render them (an odd dataset) warns and leaves them out.
internal static class SampleSafely
{
    internal static IReadOnlyList<ValidationSample> Render(ValidationSampler? sampler, EvalLogEntry entry, TextWriter? warnings)
    {
        if (sampler is null) return [];
        try
        {
            return sampler.For(entry.Iteration, entry.Model);
        }
        catch (Exception e) when (e is TorchException or InvalidOperationException or ArgumentException or IOException)
        {
            warnings?.WriteLine($"warning: validation images for the report at iter {entry.Iteration}: {e.Message}; left out");
            return [];
        }
    }
}
