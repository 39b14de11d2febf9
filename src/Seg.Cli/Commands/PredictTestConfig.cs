using Seg.Core.Config;
using Seg.Core.Evaluation;

namespace Seg.Cli.Commands;

// tools/predict.py's merge_test_config (spec §9.1): the YAML test_config without aug_eval and auc_roc; --aug_pred
// sets augmentation, scales and both flips from the command line; --is_slide sets the sliding window likewise.
internal static class PredictTestConfig
{
    internal static InferenceOptions Merge(ConfigMap yaml, TestConfigArguments cli)
    {
        var options = new InferenceOptions
        {
            Scales = Scales(yaml.Get("scales")) ?? [1.0],
            FlipHorizontal = Bool(yaml.Get("flip_horizontal")),
            FlipVertical = Bool(yaml.Get("flip_vertical")),
            IsSlide = Bool(yaml.Get("is_slide")),
            CropSize = Pair(yaml.Get("crop_size"), "crop_size"),
            Stride = Pair(yaml.Get("stride"), "stride"),
        };
        if (cli.Augment)
            options = options with { AugEval = true, Scales = cli.Scales, FlipHorizontal = cli.FlipHorizontal, FlipVertical = cli.FlipVertical };
        if (cli.IsSlide)
            options = options with { IsSlide = true, CropSize = cli.CropSize, Stride = cli.Stride };
        return options;
    }

    private static bool Bool(ConfigNode? node) => node switch
    {
        null or ConfigScalar { IsNull: true } => false,
        ConfigScalar { Value: bool b } => b,
        _ => throw new ConfigException(node.Location, $"test_config: expected true or false, got {Describe(node)}"),
    };

    private static IReadOnlyList<double>? Scales(ConfigNode? node) => node switch
    {
        null or ConfigScalar { IsNull: true } => null,
        ConfigScalar { Value: double or long } s => [Number(s)],
        ConfigList list => list.Items.Select(i => i is ConfigScalar { Value: double or long } s ? Number(s)
            : throw new ConfigException(i.Location, $"test_config.scales: expected numbers, got {Describe(i)}")).ToList(),
        _ => throw new ConfigException(node.Location, $"test_config.scales: expected a number or a list, got {Describe(node)}"),
    };

    private static (int Width, int Height)? Pair(ConfigNode? node, string key) => node switch
    {
        null or ConfigScalar { IsNull: true } => null,
        ConfigList { Items: [ConfigScalar { Value: long w }, ConfigScalar { Value: long h }] } => (checked((int)w), checked((int)h)),
        _ => throw new ConfigException(node.Location, $"test_config.{key}: expected [width, height], got {Describe(node)}"),
    };

    private static double Number(ConfigScalar s) => Convert.ToDouble(s.Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(ConfigNode node) => node is ConfigScalar s ? s.Text : node.GetType().Name;
}
