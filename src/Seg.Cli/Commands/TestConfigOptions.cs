using System.CommandLine;

namespace Seg.Cli.Commands;

// The --aug_eval/--aug_pred, --scales, flips and sliding-window flags of val and predict.
internal sealed class TestConfigOptions(string augmentFlag)
{
    internal Option<bool> Augment { get; } = CliOptions.Flag(augmentFlag, "Multi-scale and flip augmentation (uses --scales and the flips)");
    internal Option<double[]> Scales { get; } = CliOptions.Floats("--scales", [1.0], "Scales for augmentation");
    internal Option<bool> FlipHorizontal { get; } = CliOptions.Flag("--flip_horizontal", "Horizontal flip augmentation");
    internal Option<bool> FlipVertical { get; } = CliOptions.Flag("--flip_vertical", "Vertical flip augmentation");
    internal Option<bool> IsSlide { get; } = CliOptions.Flag("--is_slide", "Sliding-window inference (needs --crop_size and --stride)");
    internal Option<int[]?> CropSize { get; } = CliOptions.Pair("--crop_size", "Sliding window size W H");
    internal Option<int[]?> Stride { get; } = CliOptions.Pair("--stride", "Sliding window stride W H");

    internal void AddTo(Command command)
    {
        foreach (var o in new Option[] { Augment, Scales, FlipHorizontal, FlipVertical, IsSlide, CropSize, Stride }) command.Options.Add(o);
    }

    internal TestConfigArguments Read(ParseResult r) => new()
    {
        Augment = r.GetValue(Augment),
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
        foreach (var s in r.GetValue(Scales) ?? []) if (s <= 0) yield return $"--scales must be positive, got {s}";
    }

    private static (int, int)? ToPair(int[]? values) => values is [var w, var h] ? (w, h) : null;
}
