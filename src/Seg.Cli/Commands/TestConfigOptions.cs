using System.CommandLine;

namespace Seg.Cli.Commands;

// The --aug_eval/--aug_pred, --aug_legacy, --scales, flips and sliding-window flags of val and predict.
internal sealed class TestConfigOptions(string augmentFlag)
{
    internal Option<bool> Augment { get; } = CliOptions.Flag(augmentFlag, "Multi-scale and flip augmentation (uses --scales and the flips)");
    internal Option<bool> AugLegacy { get; } = CliOptions.Flag("--aug_legacy",
        $"With {augmentFlag}: PaddleSeg v2.7's multi-scale evaluation (each scale resized from the previous one, softmax summed) instead of v2.8+'s (each scale from the original image, logits averaged)");
    internal Option<double[]> Scales { get; } = CliOptions.Floats("--scales", [1.0], "Scales for augmentation");
    internal Option<bool> FlipHorizontal { get; } = CliOptions.Flag("--flip_horizontal", "Horizontal flip augmentation");
    internal Option<bool> FlipVertical { get; } = CliOptions.Flag("--flip_vertical", "Vertical flip augmentation");
    internal Option<bool> IsSlide { get; } = CliOptions.Flag("--is_slide", "Sliding-window inference (needs --crop_size and --stride)");
    internal Option<int[]?> CropSize { get; } = CliOptions.Pair("--crop_size", "Sliding window size W H");
    internal Option<int[]?> Stride { get; } = CliOptions.Pair("--stride", "Sliding window stride W H");

    internal void AddTo(Command command)
    {
        foreach (var o in new Option[] { Augment, AugLegacy, Scales, FlipHorizontal, FlipVertical, IsSlide, CropSize, Stride }) command.Options.Add(o);
    }

    internal TestConfigArguments Read(ParseResult r) => new()
    {
        Augment = r.GetValue(Augment),
        AugLegacy = r.GetValue(AugLegacy),
        Scales = r.GetValue(Scales) ?? [1.0],
        FlipHorizontal = r.GetValue(FlipHorizontal),
        FlipVertical = r.GetValue(FlipVertical),
        IsSlide = r.GetValue(IsSlide),
        CropSize = ToPair(r.GetValue(CropSize)),
        Stride = ToPair(r.GetValue(Stride)),
    };

    internal IEnumerable<string?> Validate(ParseResult r)
    {
        yield return Validation.Slide(r.GetValue(IsSlide), r.GetValue(CropSize), r.GetValue(Stride));
        if (r.GetValue(AugLegacy) && !r.GetValue(Augment))
            yield return $"--aug_legacy needs {augmentFlag}: it chooses how {augmentFlag} combines the scales and flips (PaddleSeg v2.7 instead of v2.8+)";
        foreach (var s in r.GetValue(Scales) ?? []) if (s <= 0) yield return $"--scales must be positive, got {s}";
    }

    private static (int, int)? ToPair(int[]? values) => values is [var w, var h] ? (w, h) : null;
}
