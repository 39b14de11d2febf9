using System.Text.Json;
using Seg.Core.Optimization;
using Seg.Core.Training;
using Seg.Torch.Modules;

namespace Seg.Core.Checkpoints;

/// <summary>
/// Writes and reads checkpoint folders: <c>model.safetensors</c> (Module.save), <c>optimizer.safetensors</c>
/// (optimizer state dict) and <c>state.json</c>. A folder is written under a temporary name in the same parent and
/// renamed when complete, so a crash never leaves a half-written <c>iter_N</c>.
/// </summary>
public static class CheckpointStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Writes a checkpoint named <paramref name="name"/> in <paramref name="saveDir"/> (replacing one of that name)
    /// and returns its path. <paramref name="optimizer"/> null writes the weights and state only (best_model).
    /// <paramref name="ema"/> (<c>--use_ema</c>) adds <see cref="CheckpointFiles.EmaModel"/>.
    /// </summary>
    public static string Save(string saveDir, string name, Module model, TrainingOptimizer? optimizer, CheckpointState state, ModelEma? ema = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        return Write(saveDir, name, state, temp =>
        {
            model.save(Path.Combine(temp, CheckpointFiles.Model));
            optimizer?.Optimizer.save_state_dict(Path.Combine(temp, CheckpointFiles.Optimizer));
            ema?.Save(Path.Combine(temp, CheckpointFiles.EmaModel));
        });
    }

    /// <summary>Writes an EMA-only folder (PaddleSeg's ema_best_model): <see cref="CheckpointFiles.EmaModel"/> and state.json.</summary>
    public static string SaveEma(string saveDir, string name, ModelEma ema, CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(ema);
        ArgumentNullException.ThrowIfNull(state);
        return Write(saveDir, name, state, temp => ema.Save(Path.Combine(temp, CheckpointFiles.EmaModel)));
    }

    private static string Write(string saveDir, string name, CheckpointState state, Action<string> weights)
    {
        Directory.CreateDirectory(saveDir);
        var target = Path.Combine(saveDir, name);
        var temp = Path.Combine(saveDir, $"{CheckpointFiles.TempPrefix}{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            weights(temp);
            File.WriteAllText(Path.Combine(temp, CheckpointFiles.State), JsonSerializer.Serialize(state, Json));
            Replace(temp, target);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, true);
            throw;
        }
        return target;
    }

    /// <summary>Reads <c>state.json</c> of a checkpoint folder after checking that the folder is a complete checkpoint.</summary>
    public static CheckpointState ReadState(string folder, bool requireOptimizer = true)
    {
        Check(folder, requireOptimizer);
        var path = Path.Combine(folder, CheckpointFiles.State);
        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), Json)
                ?? throw new CheckpointException($"'{path}' is empty");
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"'{path}' is not a valid checkpoint state: {e.Message}", e);
        }
    }

    /// <summary>Restores weights, optimizer state and schedule from <paramref name="folder"/>; returns its state.</summary>
    public static CheckpointState Restore(string folder, Module model, TrainingOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var state = ReadState(folder);
        try
        {
            model.load(Path.Combine(folder, CheckpointFiles.Model), strict: true);
            optimizer.Optimizer.load_state_dict(Path.Combine(folder, CheckpointFiles.Optimizer));
            optimizer.LoadScheduleState(state.Schedule);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException or Seg.Torch.TorchException)
        {
            throw new CheckpointException($"cannot resume from '{folder}': {e.Message} (was it saved from the same config?)", e);
        }
        return state;
    }

    /// <summary>Throws a <see cref="CheckpointException"/> naming what is missing when <paramref name="folder"/> is not a checkpoint.</summary>
    public static void Check(string folder, bool requireOptimizer = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (File.Exists(folder))
            throw new CheckpointException($"'{folder}' is a file; --resume_model takes a checkpoint folder such as output/iter_1000");
        if (!Directory.Exists(folder))
            throw new CheckpointException($"the checkpoint folder '{folder}' does not exist (a checkpoint folder looks like output/iter_1000)");
        string[] needed = requireOptimizer ? [CheckpointFiles.Model, CheckpointFiles.Optimizer, CheckpointFiles.State] : [CheckpointFiles.Model, CheckpointFiles.State];
        var missing = needed.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0)
            throw new CheckpointException($"'{folder}' is not a checkpoint folder: missing {string.Join(", ", missing)} (a checkpoint folder holds {string.Join(", ", needed)}, as save_dir/iter_N does)");
    }

    private static void Replace(string temp, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        // Move the old folder aside first, so the name always points at a complete checkpoint or nothing.
        var old = Path.Combine(Path.GetDirectoryName(target)!, $"{CheckpointFiles.TempPrefix}old-{Path.GetFileName(target)}-{Guid.NewGuid():N}");
        Directory.Move(target, old);
        Directory.Move(temp, target);
        Directory.Delete(old, true);
    }
}
