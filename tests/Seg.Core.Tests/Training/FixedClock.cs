namespace Seg.Core.Tests.Training;

// A clock that reads a fixed wall time and advances its timestamp by a fixed step on every read.
internal sealed class FixedClock(DateTimeOffset now, TimeSpan stepPerRead) : TimeProvider
{
    private long ticks;

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks += stepPerRead.Ticks;
}
