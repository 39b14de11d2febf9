namespace Seg.Core.Tests.Progress;

// A clock whose timestamp moves only when the test says so.
internal sealed class SteppingClock : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks;

    public void Advance(TimeSpan by) => ticks += by.Ticks;
}
