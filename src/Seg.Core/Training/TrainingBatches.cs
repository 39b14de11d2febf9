using Seg.Core.Data.Loading;

namespace Seg.Core.Training;

/// <summary>The training batches of one loader epoch, optionally without the first ones (already consumed before a resume).</summary>
internal static class TrainingBatches
{
    internal static IEnumerable<Batch> Of(DataLoader loader, long epoch, int skip)
    {
        if (skip <= 0) return loader.Epoch(epoch);
        return Rest(loader, epoch, skip);
    }

    // Only the partial epoch right after a resume comes here; it is prepared on the training thread.
    private static IEnumerable<Batch> Rest(DataLoader loader, long epoch, int skip)
    {
        var plan = EpochPlan.Batches(loader.Dataset.Count, loader.Options, epoch);
        for (var b = skip; b < plan.Count; b++) yield return loader.MakeBatch(plan[b], epoch);
    }
}
