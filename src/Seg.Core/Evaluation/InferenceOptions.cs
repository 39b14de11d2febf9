using Seg.Core.Config;

namespace Seg.Core.Evaluation;

/// <summary>
/// How logits are computed for one image (paddleseg/core/infer.py): whole image, augmented over <see cref="Scales"/> and
/// flips, and/or by sliding window. Sizes are (width, height) as PaddleSeg's flags give them.
/// </summary>
public sealed record InferenceOptions
{
    public bool AugEval { get; init; }

    public IReadOnlyList<double> Scales { get; init; } = [1.0];

    public bool FlipHorizontal { get; init; }

    public bool FlipVertical { get; init; }

    public bool IsSlide { get; init; }

    public (int Width, int Height)? CropSize { get; init; }

    public (int Width, int Height)? Stride { get; init; }

    /// <summary>
    /// Augmented inference as PaddleSeg v2.7.0 and earlier did it (<c>test_config.aug_legacy</c>, <c>--aug_legacy</c>):
    /// each scale resizes the previous scale's image and the per-pass softmax outputs are summed. Off (default): v2.8.0+,
    /// every scale resized from the original input and the raw logits averaged. Only used with <see cref="AugEval"/>.
    /// </summary>
    public bool AugLegacy { get; init; }

    /// <summary>
    /// The options a config's <c>test_config</c> gives (keys aug_eval, aug_legacy, scales, flip_horizontal,
    /// flip_vertical, is_slide, crop_size, stride; other keys are left to their users). <c>scales</c> is a float, wrapped as [s], or a
    /// list of numbers; a bare int such as <c>1</c> is rejected as PaddleSeg rejects it (write <c>1.0</c>).
    /// </summary>
    public static InferenceOptions FromTestConfig(ConfigMap? testConfig)
    {
        var o = new InferenceOptions();
        if (testConfig is null) return o;
        return o with
        {
            AugEval = Bool(testConfig, "aug_eval") ?? false,
            AugLegacy = Bool(testConfig, "aug_legacy") ?? false,
            Scales = ScalesOf(testConfig.Get("scales")) ?? o.Scales,
            FlipHorizontal = Bool(testConfig, "flip_horizontal") ?? false,
            FlipVertical = Bool(testConfig, "flip_vertical") ?? false,
            IsSlide = Bool(testConfig, "is_slide") ?? false,
            CropSize = Pair(testConfig, "crop_size"),
            Stride = Pair(testConfig, "stride"),
        };
    }

    /// <summary>Checks the options before any image is read (positive scales, both windows for sliding).</summary>
    public void Validate()
    {
        if (Scales.Count == 0) throw new ArgumentException("test_config.scales must not be empty");
        foreach (var s in Scales)
            if (!(s > 0)) throw new ArgumentException($"test_config.scales must be positive, got {s}");
        if (!IsSlide) return;
        if (CropSize is not { } crop || Stride is not { } stride)
            throw new ArgumentException("sliding-window inference (is_slide) needs crop_size and stride, e.g. --crop_size 1024 1024 --stride 768 768");
        if (crop.Width <= 0 || crop.Height <= 0 || stride.Width <= 0 || stride.Height <= 0)
            throw new ArgumentException($"crop_size and stride must be positive, got crop_size {crop} and stride {stride}");
    }

    private static bool? Bool(ConfigMap map, string key) => map.Get(key) switch
    {
        null or ConfigScalar { IsNull: true } => null,
        ConfigScalar { Value: bool b } => b,
        var node => throw new ConfigException(node.Location, $"test_config.{key} must be True or False"),
    };

    private static double[]? ScalesOf(ConfigNode? node) => node switch
    {
        null or ConfigScalar { IsNull: true } => null,
        ConfigScalar { Value: double d } => [d],
        ConfigScalar { Value: long i } => throw new ConfigException(node.Location,
            $"test_config.scales is the int {i}; PaddleSeg accepts only a float or a list (its aug_inference raises TypeError), so write {i}.0 or [{i}]"),
        ConfigList list => list.Items.Select(item => item switch
        {
            ConfigScalar { Value: double d } => d,
            ConfigScalar { Value: long i } => (double)i,
            _ => throw new ConfigException(item.Location, "test_config.scales items must be numbers"),
        }).ToArray(),
        _ => throw new ConfigException(node.Location, "test_config.scales must be a float or a list of floats, e.g. [0.75, 1.0, 1.25]"),
    };

    private static (int, int)? Pair(ConfigMap map, string key) => map.Get(key) switch
    {
        null or ConfigScalar { IsNull: true } => null,
        ConfigList { Items: [ConfigScalar { Value: long w }, ConfigScalar { Value: long h }] } => (checked((int)w), checked((int)h)),
        var node => throw new ConfigException(node.Location, $"test_config.{key} must be two integers [width, height]"),
    };
}
