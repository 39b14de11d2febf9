namespace Seg.Core.Training;

/// <summary>
/// Makes every rank take the same stop decision in the same iteration (a non-finite loss on one rank, Ctrl-C seen
/// by some): each rank says whether it wants to stop, all learn the lowest rank that did.
/// </summary>
public interface IStopAgreement
{
    /// <summary>The lowest rank whose <paramref name="stop"/> was true, or -1 when none was.</summary>
    int FirstRank(bool stop);
}
