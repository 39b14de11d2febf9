using System.Globalization;
using Seg.Core.Config;
using Seg.Core.Evaluation;

namespace Seg.Core.Training;

/// <summary>
/// Maps a config's <c>test_config</c> (aug_eval, scales as a number or a list, flip_horizontal, flip_vertical,
/// is_slide, crop_size, stride) onto <see cref="InferenceOptions"/>, as PaddleSeg passes **test_config to evaluate().
/// Keys evaluate() does not take for inference (e.g. use_multilabel, auc_roc) are ignored here.
/// </summary>
public static class TestConfigMapper
{
    public static InferenceOptions Map(ConfigMap testConfig)
    {
        ArgumentNullException.ThrowIfNull(testConfig);
        var options = new InferenceOptions();
        foreach (var (key, node) in testConfig.Entries)
        {
            options = key switch
            {
                "aug_eval" => options with { AugEval = Bool(key, node) },
                "scales" => options with { Scales = Scales(node) },
                "flip_horizontal" => options with { FlipHorizontal = Bool(key, node) },
                "flip_vertical" => options with { FlipVertical = Bool(key, node) },
                "is_slide" => options with { IsSlide = Bool(key, node) },
                "crop_size" => options with { CropSize = Pair(key, node) },
                "stride" => options with { Stride = Pair(key, node) },
                _ => options,
            };
        }
        return options;
    }

    private static bool Bool(string key, ConfigNode node) => node is ConfigScalar { Value: bool b }
        ? b
        : throw new ConfigException(node.Location, $"test_config.{key} must be true or false");

    private static double Number(string key, ConfigNode node) => node switch
    {
        ConfigScalar { Value: double d } => d,
        ConfigScalar { Value: long l } => l,
        _ => throw new ConfigException(node.Location, $"test_config.{key} must be a number"),
    };

    private static IReadOnlyList<double> Scales(ConfigNode node) => node switch
    {
        ConfigList list => list.Items.Select(n => Number("scales", n)).ToList(),
        _ => [Number("scales", node)],
    };

    private static (int Width, int Height)? Pair(string key, ConfigNode node)
    {
        if (node is ConfigScalar { Value: null }) return null;
        if (node is ConfigList { Items.Count: 2 } list)
            return (Int(key, list.Items[0]), Int(key, list.Items[1]));
        throw new ConfigException(node.Location, $"test_config.{key} must be a list [width, height]");
    }

    private static int Int(string key, ConfigNode node) => node is ConfigScalar { Value: long l } && l is > 0 and <= int.MaxValue
        ? (int)l
        : throw new ConfigException(node.Location, $"test_config.{key} must hold positive integers, got {string.Format(CultureInfo.InvariantCulture, "{0}", (node as ConfigScalar)?.Value)}");
}
