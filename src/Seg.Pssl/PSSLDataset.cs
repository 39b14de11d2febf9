using System.Runtime.InteropServices;
using Seg.Core.Config;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;
using Seg.Pssl.Npy;
using Seg.Torch;

namespace Seg.Pssl;

/// <summary>
/// PaddleSeg's <c>PSSLDataset</c>: ImageNet train images with PSSL pseudo labels. <c>pssl_root/train.txt</c> lists
/// label files (<c>train/&lt;synset&gt;/&lt;name&gt;.JPEG_eiseg.npz</c>); the image is
/// <c>imagenet_root/&lt;line up to .JPEG&gt;</c>. The image's class is the line index of its synset (the basename
/// before the first <c>_</c>) in <c>pssl_root/imagenet_lsvrc_2015_synsets.txt</c>. Label: npz value 1 → that class,
/// anything else → background (= the number of synsets, 1000 for ImageNet); ignore index = background + 1, which only
/// padding produces. Unlike PaddleSeg, an unknown synset or a line without <c>.JPEG</c> fails at construction,
/// naming the line.
/// </summary>
[SegComponent("PSSLDataset", ComponentKind.Dataset)]
[DatasetConstants(1001, 3, 1001)]
public sealed class PSSLDataset : SegDataset, IConfiguredDatasetConstants
{
    public const string TrainListName = "train.txt";
    public const string SynsetsFileName = "imagenet_lsvrc_2015_synsets.txt";

    private readonly List<DatasetEntry> entries = [];
    private readonly Dictionary<string, int> labelClassIds = new(StringComparer.Ordinal);

    public PSSLDataset(PSSLDatasetOptions options)
        : this(options, ReadSynsets(Validate(options)))
    {
    }

    private PSSLDataset(PSSLDatasetOptions options, Dictionary<string, int> classIds)
        : base(options.Mode, options.Transforms, classIds.Count + 1, classIds.Count + 1, 3)
    {
        Options = options;
        ClassIds = classIds;
        Background = classIds.Count;
        var root = options.PsslRoot!;
        var listPath = Path.Combine(root, TrainListName);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(listPath))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var cut = line.IndexOf(".JPEG", StringComparison.Ordinal);
            if (cut < 0) throw new FormatException($"{listPath}, line {lineNumber}: '{line}' does not name a .JPEG label (expected train/<synset>/<name>.JPEG_eiseg.npz)");
            var imageRelative = line[..(cut + ".JPEG".Length)];
            var synset = Path.GetFileName(imageRelative.Replace('\\', '/')).Split('_')[0];
            if (!classIds.TryGetValue(synset, out var classId))
                throw new FormatException($"{listPath}, line {lineNumber}: synset '{synset}' of '{line}' is not in {Path.Combine(root, SynsetsFileName)}");
            var labelPath = Path.Combine(root, line);
            entries.Add(new DatasetEntry(Path.Combine(options.ImagenetRoot!, imageRelative), labelPath));
            labelClassIds[labelPath] = classId;
        }
    }

    public PSSLDatasetOptions Options { get; }

    /// <summary>
    /// The constants the config checker uses: from <c>pssl_root</c>'s synsets file when it exists (N synsets → N + 1
    /// classes, ignore index N + 1; ImageNet's 1000 give PaddleSeg's 1001 / 1001), else null (the attribute's 1001).
    /// </summary>
    public static DatasetDefaults? ConstantsFor(ConfigMap dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Get("pssl_root") is not ConfigScalar { Value: string root }) return null;
        var path = Path.Combine(root, SynsetsFileName);
        if (!File.Exists(path)) return null;
        var count = File.ReadLines(path).Count(l => l.Trim().Length > 0);
        return count == 0 ? null : new DatasetDefaults(count + 1, 3, count + 1);
    }

    /// <summary>Synset → class id (its 0-based line in the synsets file).</summary>
    public IReadOnlyDictionary<string, int> ClassIds { get; }

    /// <summary>The background class: the number of synsets.</summary>
    public int Background { get; }

    public override IReadOnlyList<DatasetEntry> Entries => entries;

    /// <summary>Reads the <c>.npz</c> (<c>arr_0</c>) as an HxW int32 label: 1 → the image's class, anything else → background.</summary>
    public override Tensor ReadLabel(string labelPath)
    {
        ArgumentNullException.ThrowIfNull(labelPath);
        var classId = labelClassIds.TryGetValue(labelPath, out var id)
            ? id
            : throw new ArgumentException($"PSSLDataset: '{labelPath}' is not a label of this dataset", nameof(labelPath));
        return ToLabel(NpzReader.ReadArray(labelPath), classId, Background, labelPath);
    }

    /// <summary>PaddleSeg's <c>gt = 1000; gt[pssl == 1] = class_id</c> on a 2-D array, as an int32 tensor.</summary>
    public static Tensor ToLabel(NpyArray pssl, int classId, int background, string name)
    {
        ArgumentNullException.ThrowIfNull(pssl);
        if (pssl.Shape.Count != 2)
            throw new FormatException($"{name}: the PSSL label must be a 2-D (HxW) array, but its shape is ({string.Join(", ", pssl.Shape)})");
        var values = new int[pssl.Values.Count];
        for (var i = 0; i < values.Length; i++) values[i] = pssl.Values[i] == 1 ? classId : background;
        return Tensor.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()), [pssl.Shape[0], pssl.Shape[1]], ScalarType.Int32);
    }

    private static PSSLDatasetOptions Validate(PSSLDatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode != DatasetMode.Train)
            throw new ArgumentException($"mode should be 'train', but got {options.Mode.ToString().ToLowerInvariant()}");
        if (options.ImagenetRoot is null)
            throw new ArgumentException("PSSLDataset: `imagenet_root` is required (the folder holding train/<synset>/*.JPEG)");
        if (options.PsslRoot is null || !Directory.Exists(options.PsslRoot))
            throw new DirectoryNotFoundException($"The dataset is not Found or the folder structure is nonconfoumance. (`pssl_root`: {options.PsslRoot ?? "None"} is not a folder)");
        var listPath = Path.Combine(options.PsslRoot, TrainListName);
        if (!File.Exists(listPath)) throw new FileNotFoundException($"Train list file isn't exists: {listPath}", listPath);
        return options;
    }

    private static Dictionary<string, int> ReadSynsets(PSSLDatasetOptions options)
    {
        var path = Path.Combine(options.PsslRoot!, SynsetsFileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"Class id file isn't exists: {path}", path);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var synset = raw.Trim();
            if (synset.Length == 0 || synset.Contains(' ', StringComparison.Ordinal) || synset.Contains('\t', StringComparison.Ordinal))
                throw new FormatException($"{path}, line {lineNumber}: '{raw}' is not a synset (one synset per line, no blank lines)");
            if (!ids.TryAdd(synset, ids.Count))
                throw new FormatException($"{path}, line {lineNumber}: synset '{synset}' repeats line {ids[synset] + 1}");
        }
        if (ids.Count == 0) throw new FormatException($"{path}: no synsets");
        return ids;
    }
}
