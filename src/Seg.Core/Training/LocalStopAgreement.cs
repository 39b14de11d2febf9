namespace Seg.Core.Training;

/// <summary>One process: its own decision.</summary>
public sealed class LocalStopAgreement : IStopAgreement
{
    public static readonly LocalStopAgreement Instance = new();

    public int FirstRank(bool stop) => stop ? 0 : -1;
}
