namespace Seg.Core.Checkpoints;

/// <summary>The file and folder names of the checkpoint layout (DESIGN.md, Checkpoints).</summary>
public static class CheckpointFiles
{
    public const string Model = "model.safetensors";

    public const string Optimizer = "optimizer.safetensors";

    public const string State = "state.json";

    public const string BestModel = "best_model";

    /// <summary>Temporary folders start with this; a crash may leave one behind, never a partial iter_N.</summary>
    public const string TempPrefix = ".tmp-";

    public static string IterationFolder(int iteration) => $"iter_{iteration.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
