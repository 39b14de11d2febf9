using Seg.Core.Registry;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// PaddleSeg's generic <c>Dataset</c>: one sample per line of the mode's list file, <c>image&lt;separator&gt;label</c>,
/// both relative to <c>dataset_root</c> (the list file path itself is used as given). In test mode a one-column line
/// has no label. Errors follow PaddleSeg's: missing root or list file, a missing list for the mode, a line that does
/// not split into two items in train/val mode.
/// </summary>
[SegComponent("Dataset", ComponentKind.Dataset)]
public sealed class Dataset : SegDataset
{
    private readonly List<DatasetEntry> entries = [];

    public Dataset(DatasetOptions options)
        : base(options?.Mode ?? throw new ArgumentNullException(nameof(options)), options.Transforms, options.NumClasses, options.IgnoreIndex, CheckChannels(options.ImgChannels))
    {
        Options = options;
        if (options.Edge) throw new NotSupportedException("Dataset: edge=True (binary edge labels) is not supported");
        if (!Directory.Exists(options.DatasetRoot)) throw new DirectoryNotFoundException($"`dataset_root`: {options.DatasetRoot} is not existed.");
        if (string.IsNullOrEmpty(options.Separator)) throw new ArgumentException("Dataset: separator must not be empty");
        var (key, listPath) = options.Mode switch
        {
            DatasetMode.Train => ("train_path", options.TrainPath),
            DatasetMode.Val => ("val_path", options.ValPath),
            _ => ("test_path", options.TestPath),
        };
        var modeName = key[..key.IndexOf('_', StringComparison.Ordinal)];
        if (listPath is null) throw new ArgumentException($"When `mode` is \"{modeName}\", `{key}` is necessary, but it is None.");
        if (!File.Exists(listPath)) throw new FileNotFoundException($"`{key}` is not found: {listPath}", listPath);
        ListPath = listPath;

        var lineNumber = 0;
        foreach (var line in File.ReadLines(listPath))
        {
            lineNumber++;
            var items = line.Trim().Split(options.Separator);
            if (items.Length != 2)
            {
                if (options.Mode != DatasetMode.Test)
                    throw new FormatException($"File list format incorrect! In training or evaluation task it should be image_name{options.Separator}label_name\\n ({listPath}, line {lineNumber}: '{line}')");
                entries.Add(new DatasetEntry(Path.Combine(options.DatasetRoot, items[0]), null));
            }
            else
            {
                entries.Add(new DatasetEntry(Path.Combine(options.DatasetRoot, items[0]), Path.Combine(options.DatasetRoot, items[1])));
            }
        }
    }

    public DatasetOptions Options { get; }

    public string ListPath { get; }

    public override IReadOnlyList<DatasetEntry> Entries => entries;

    private static int CheckChannels(int c) => c is 1 or 3 ? c : throw new ArgumentException($"`img_channels` should in [1, 3], but got {c}");
}
