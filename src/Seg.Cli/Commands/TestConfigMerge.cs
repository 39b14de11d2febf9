using Seg.Core.Evaluation;

namespace Seg.Cli.Commands;

// PaddleSeg's merge_test_config (tools/val.py::merge_test_config): the YAML test_config, then the command line only where its switch is on.
internal static class TestConfigMerge
{
    /// <summary>
    /// --aug_eval/--aug_pred replaces aug_eval, scales and both flips (flips not given become false even if the YAML
    /// had them); --is_slide replaces is_slide, crop_size and stride. Without those switches the YAML applies unchanged.
    /// --aug_legacy (only given with --aug_eval/--aug_pred) turns on aug_legacy; it never turns off the YAML's.
    /// </summary>
    internal static InferenceOptions Apply(InferenceOptions fromConfig, TestConfigArguments cli)
    {
        var merged = fromConfig;
        if (cli.Augment)
            merged = merged with { AugEval = true, Scales = cli.Scales, FlipHorizontal = cli.FlipHorizontal, FlipVertical = cli.FlipVertical };
        if (cli.AugLegacy)
            merged = merged with { AugLegacy = true };
        if (cli.IsSlide)
            merged = merged with { IsSlide = true, CropSize = cli.CropSize, Stride = cli.Stride };
        return merged;
    }
}
