using System.Globalization;

namespace Seg.Reports.TensorBoard;

/// <summary>
/// One TensorBoard event file, <c>logDir/events.out.tfevents.{unix seconds}.{host}.{pid}</c>: the file_version event
/// first, then one event per scalar or image, flushed after each so a crashed run keeps its curves.
/// </summary>
public sealed class TensorBoardWriter : IDisposable
{
    private readonly TfRecordWriter records;
    private readonly TimeProvider clock;

    /// <summary>Creates <paramref name="logDir"/> and the event file (throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot).</summary>
    public TensorBoardWriter(string logDir, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(logDir);
        this.clock = clock ?? TimeProvider.System;
        Directory.CreateDirectory(logDir);
        var now = this.clock.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"events.out.tfevents.{now.ToUnixTimeSeconds()}.{Environment.MachineName}.{Environment.ProcessId}");
        FilePath = Path.Combine(logDir, name);
        records = new TfRecordWriter(new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read));
        Write(TensorBoardEvents.FileVersionEvent(WallTime()));
    }

    public string FilePath { get; }

    public void AddScalar(string tag, double value, long step) =>
        Write(TensorBoardEvents.ScalarEvent(WallTime(), step, tag, (float)value));

    /// <summary>An image summary: <paramref name="png"/> is an encoded RGB PNG of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public void AddImage(string tag, ReadOnlySpan<byte> png, int height, int width, long step) =>
        Write(TensorBoardEvents.ImageEvent(WallTime(), step, tag, png, height, width));

    public void Dispose() => records.Dispose();

    private double WallTime() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private void Write(byte[] e)
    {
        records.Write(e);
        records.Flush();
    }
}
