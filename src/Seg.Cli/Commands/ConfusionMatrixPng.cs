namespace Seg.Cli.Commands;

// MERGE HOOK (lead): the confusion-matrix heat map is drawn by Seg.Core.Visualization (the predict work). Wire its
// PNG writer here; until then `seg val --confusion_matrix` writes the CSV only and says so.
internal static class ConfusionMatrixPng
{
    /// <summary>Writes the heat map to <paramref name="path"/>; false when no writer is wired yet.</summary>
    internal static bool TryWrite(string path, long[,] matrix, IReadOnlyList<string>? classNames)
    {
        _ = (path, matrix, classNames);
        return false;
    }
}
