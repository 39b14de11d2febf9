namespace Seg.Core.Progress;

/// <summary>
/// The one progress abstraction of every long job (training, evaluation, prediction, PSSL generation, label checks):
/// a live bar on an interactive terminal, plain lines otherwise (<see cref="ProgressRule"/> chooses). The job calls
/// <see cref="Start"/> once, then <see cref="Report"/> after each step, from one thread at a time.
/// </summary>
public interface IJobProgress : IDisposable
{
    /// <summary>The job begins at step <paramref name="done"/> of <paramref name="total"/> (a resumed job starts above 0).</summary>
    void Start(int done, int total);

    /// <summary><paramref name="done"/> steps are finished; <paramref name="status"/> is a short word on the latest one (a live bar shows it).</summary>
    void Report(int done, string? status = null);
}
