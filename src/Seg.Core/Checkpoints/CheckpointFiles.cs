namespace Seg.Core.Checkpoints;

/// <summary>The file and folder names of the checkpoint layout (DESIGN.md, Checkpoints).</summary>
public static class CheckpointFiles
{
    public const string Model = "model.safetensors";

    public const string Optimizer = "optimizer.safetensors";

    public const string State = "state.json";

    public const string BestModel = "best_model";

    /// <summary>The EMA model's weights (<c>--use_ema</c>), in each iter_N and in <see cref="EmaBestModel"/>: PaddleSeg's ema_model.pdparams.</summary>
    public const string EmaModel = "ema_model.safetensors";

    /// <summary>The EMA model with the best validation mIoU (<c>--use_ema</c> with evaluation).</summary>
    public const string EmaBestModel = "ema_best_model";

    /// <summary>Temporary folders start with this; a crash may leave one behind, never a partial iter_N.</summary>
    public const string TempPrefix = ".tmp-";

    public static string IterationFolder(int iteration) => $"iter_{iteration.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
