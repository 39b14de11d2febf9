namespace Seg.Cli.Commands;

// Checks argparse cannot express (existing files, positive counts, --opts shape); each returns a message or null.
internal static class Validation
{
    internal static string? ExistingFile(string flag, string? path, bool required = true) => path switch
    {
        null when required => $"{flag} is required",
        null => null,
        _ when !File.Exists(path) => $"{flag}: the file '{path}' does not exist",
        _ => null,
    };

    internal static string? ExistingPath(string flag, string? path) =>
        path != null && !File.Exists(path) && !Directory.Exists(path) ? $"{flag}: '{path}' does not exist" : null;

    internal static string? Positive(string flag, long? value) => value is <= 0 ? $"{flag} must be positive, got {value}" : null;

    internal static string? NotNegative(string flag, long? value) => value is < 0 ? $"{flag} must not be negative, got {value}" : null;

    /// <summary>Each --opts item needs exactly one '=' (PaddleSeg asserts the same).</summary>
    internal static IEnumerable<string> Opts(IEnumerable<string> opts)
    {
        foreach (var o in opts)
        {
            var parts = o.Split('=');
            if (parts.Length != 2)
                yield return $"--opts item '{o}' must be key=value with exactly one '=', e.g. --opts batch_size=1 test_config.scales=0.75,1.0,1.25";
            else if (parts[0].Split('.').Any(k => k.Trim().Length == 0))
                yield return $"--opts item '{o}' has no key (or an empty part in its dotted path) before '='; write e.g. --opts iters=4 train_dataset.dataset_root=data/camvid";
            else if (parts[1].Trim().Length == 0)
                yield return $"--opts item '{o}' has no value after '='; write e.g. --opts {parts[0]}=4 (or {parts[0]}=None for null)";
        }
    }

    /// <summary>--is_slide needs both windows (PaddleSeg would fail later, inside slide inference).</summary>
    internal static string? Slide(bool isSlide, int[]? cropSize, int[]? stride) =>
        isSlide && (cropSize is not { Length: 2 } || stride is not { Length: 2 }) ? "--is_slide needs --crop_size W H and --stride W H" : null;
}
