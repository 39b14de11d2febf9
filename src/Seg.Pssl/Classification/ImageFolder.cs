using System.Runtime.InteropServices;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Pssl.Classification;

/// <summary>
/// An image-classification dataset in torchvision's ImageFolder layout, ImageNet's synset layout included:
/// <c>dataset_root/&lt;split&gt;/&lt;class&gt;/*.{JPEG,jpg,jpeg,png,bmp}</c>. The label of an image is its class id as a
/// [1, 1] map (or, with <c>multi_label_list</c>, a [1, C] 0/1 vector). Labels never go through the geometric
/// transforms (the dataset reads them as PaddleSeg's val mode does), so crops, flips and resizes act on the image only.
/// </summary>
[SegComponent("ImageFolder", ComponentKind.Dataset)]
public sealed class ImageFolder : SegDataset
{
    private static readonly string[] Extensions = [".jpeg", ".jpg", ".png", ".bmp"];
    private readonly List<DatasetEntry> entries = [];
    private readonly Dictionary<string, int[]> labels = new(StringComparer.Ordinal);

    public ImageFolder(ImageFolderOptions options)
        : this(options, Scan(options))
    {
    }

    private ImageFolder(ImageFolderOptions options, (string Root, IReadOnlyList<string> Classes) scan)
        : base(DatasetMode.Val, options.Transforms, Math.Max(2, scan.Classes.Count), 255, 3)
    {
        Options = options;
        SplitRoot = scan.Root;
        Classes = scan.Classes;
        var ids = Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        if (options.MultiLabelList is { } list) ReadMultiLabels(list, ids);
        else ScanImages(ids);
        if (entries.Count == 0) throw new FileNotFoundException($"ImageFolder: no images under {SplitRoot} (expected <class>/<image>.jpg)");
    }

    public ImageFolderOptions Options { get; }

    /// <summary>The folder holding the class folders.</summary>
    public string SplitRoot { get; }

    /// <summary>Class names in class-id order.</summary>
    public IReadOnlyList<string> Classes { get; }

    public bool MultiLabel => Options.MultiLabelList is not null;

    public override IReadOnlyList<DatasetEntry> Entries => entries;

    /// <summary>The class ids of an image (one, unless multi-label).</summary>
    public IReadOnlyList<int> ClassesOf(string imagePath) => labels[imagePath];

    public override Tensor ReadLabel(string labelPath)
    {
        ArgumentNullException.ThrowIfNull(labelPath);
        if (!labels.TryGetValue(labelPath, out var ids)) throw new ArgumentException($"ImageFolder: '{labelPath}' is not an image of this dataset", nameof(labelPath));
        if (!MultiLabel) return Tensor.FromBytes(MemoryMarshal.AsBytes(new[] { ids[0] }.AsSpan()), [1, 1], ScalarType.Int32);
        var hot = new int[Classes.Count];
        foreach (var id in ids) hot[id] = 1;
        return Tensor.FromBytes(MemoryMarshal.AsBytes(hot.AsSpan()), [1, hot.Length], ScalarType.Int32);
    }

    /// <summary>Whether a file name has an image extension this dataset reads.</summary>
    public static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private void ScanImages(Dictionary<string, int> ids)
    {
        foreach (var folder in Directory.GetDirectories(SplitRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (!ids.TryGetValue(name, out var id)) continue;
            foreach (var file in Directory.GetFiles(folder).Where(IsImage).Order(StringComparer.Ordinal)) Add(file, [id]);
        }
    }

    private void ReadMultiLabels(string list, Dictionary<string, int> ids)
    {
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(list))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2) throw new FormatException($"{list}, line {lineNumber}: expected '<image> <class>[,<class>...]', got '{line}'");
            var classIds = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => ids.TryGetValue(c, out var id) ? id : throw new FormatException($"{list}, line {lineNumber}: class '{c}' is not one of the {ids.Count} classes"))
                .Distinct().ToArray();
            Add(Path.Combine(SplitRoot, parts[0]), classIds);
        }
    }

    private void Add(string path, int[] classIds)
    {
        entries.Add(new DatasetEntry(path, path));
        labels[path] = classIds;
    }

    private static (string Root, IReadOnlyList<string> Classes) Scan(ImageFolderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var split = options.Split ?? options.Mode.ToString().ToLowerInvariant();
        var root = Path.Combine(options.DatasetRoot, split);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"ImageFolder: the split folder {root} does not exist (dataset_root/{split}/<class>/<image>)");
        IReadOnlyList<string> classes = options.ClassList is { } file
            ? ClassListFile.Read(file)
            : [.. Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        if (classes.Count == 0) throw new DirectoryNotFoundException($"ImageFolder: no class folders under {root}");
        if (options.NumClasses is { } n && n != classes.Count)
            throw new ArgumentException($"ImageFolder: num_classes is {n} but {(options.ClassList ?? root)} gives {classes.Count} classes");
        return (root, classes);
    }
}
