namespace Seg.Core.Training;

/// <summary>This process's place in a (future) distributed run; only rank 0 logs and saves.</summary>
public sealed record TrainingRank(int Rank, int WorldSize)
{
    public static readonly TrainingRank Single = new(0, 1);

    public bool IsMain => Rank == 0;
}
