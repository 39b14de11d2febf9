using Seg.Core.Progress;

namespace Seg.Core.Tests.Progress;

// Records what a job tells its progress.
internal sealed class RecordingProgress : IJobProgress
{
    public List<(int Done, int Total)> Starts { get; } = [];

    public List<int> Reports { get; } = [];

    public bool Disposed { get; private set; }

    public void Start(int done, int total) => Starts.Add((done, total));

    public void Report(int done, string? status = null) => Reports.Add(done);

    public void Dispose() => Disposed = true;
}
