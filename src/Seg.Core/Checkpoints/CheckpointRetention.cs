namespace Seg.Core.Checkpoints;

/// <summary>
/// PaddleSeg's keep_checkpoint_max (paddleseg/core/train.py::train): the iter_N folders saved by this run, oldest first; when there are
/// more than <see cref="KeepMax"/> (and it is positive) the oldest is deleted. Folders from before a resume and
/// best_model are never added, so never deleted; the newest is never deleted.
/// </summary>
public sealed class CheckpointRetention(int keepMax)
{
    private readonly Queue<string> saved = new();

    public int KeepMax { get; } = keepMax;

    public IReadOnlyCollection<string> Saved => saved;

    /// <summary>Records a newly saved folder and returns the folders it deleted.</summary>
    public IReadOnlyList<string> Add(string folder)
    {
        saved.Enqueue(folder);
        var removed = new List<string>();
        while (KeepMax > 0 && saved.Count > KeepMax)
        {
            var oldest = saved.Dequeue();
            if (Directory.Exists(oldest)) Directory.Delete(oldest, true);
            removed.Add(oldest);
        }
        return removed;
    }
}
