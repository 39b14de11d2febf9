using Seg.Core.Registry;

namespace Seg.Core.Config;

/// <summary>
/// The top-level keys PaddleSeg's <c>Config</c> reads (paddleseg/cvlibs/config.py::Config: batch_size, iters, the components, test_config, the
/// ≤v2.7 export and learning_rate keys). Anything else is read by nobody, so a misspelling such as <c>itres: 5</c> would
/// silently leave the real key at its inherited value: <see cref="Unknown"/> finds such keys with a suggestion.
/// </summary>
public static class TopLevelKeys
{
    public static IReadOnlyList<string> Known { get; } =
    [
        "_base_", "_inherited_", "batch_size", "iters", "model", "train_dataset", "val_dataset", "optimizer", "lr_scheduler",
        "loss", "distill_loss", "test_config", "export", "to_static_training", "learning_rate",
    ];

    /// <summary>One message per unknown top-level key: "file:line: unknown top-level key 'itres' ... Did you mean 'iters'?".</summary>
    public static IReadOnlyList<string> Unknown(ConfigMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Entries
            .Where(e => !Known.Contains(e.Key, StringComparer.Ordinal))
            .Select(e => $"{Where(e.Value.Location ?? root.Location)}unknown top-level key '{e.Key}': neither PaddleSeg nor Seg reads it, so it has no effect.{Suggestions.DidYouMean(e.Key, Known.Where(k => !k.StartsWith('_')))}")
            .ToList();
    }

    private static string Where(SourceLocation? at) => at is null ? "" : $"{at}: ";
}
