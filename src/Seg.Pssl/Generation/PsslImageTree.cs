namespace Seg.Pssl.Generation;

/// <summary>
/// Finds the source images of <c>seg pssl generate</c> in ImageNet's layout, <c>image_root/train/&lt;synset&gt;/&lt;synset&gt;_*.JPEG</c>,
/// which is what PSSLDataset needs to find them again: the label line is cut at <c>.JPEG</c> and the class is the file
/// name before its first <c>_</c>. What does not fit is skipped with a message naming it: a folder whose name holds
/// <c>_</c> or is not in the synsets list, a file not named <c>&lt;synset&gt;_*.JPEG</c>.
/// </summary>
public static class PsslImageTree
{
    public const string TrainFolder = "train";

    /// <summary>The synsets of a tree when no list is given: its folder names that can be synsets, sorted ordinally.</summary>
    public static IReadOnlyList<string> DefaultSynsets(string imageRoot)
    {
        var train = TrainRoot(imageRoot);
        return [.. Directory.GetDirectories(train).Select(Path.GetFileName).OfType<string>().Where(IsSynsetName).Order(StringComparer.Ordinal)];
    }

    /// <summary>A synset name has no <c>_</c> and no white space (PSSLDataset splits file names on the first <c>_</c>).</summary>
    public static bool IsSynsetName(string name) => name.Length > 0 && !name.Contains('_', StringComparison.Ordinal) && !name.Any(char.IsWhiteSpace);

    /// <summary>The images of the synsets in <paramref name="synsets"/>, at most <paramref name="maxPerSynset"/> each (the first in ordinal name order).</summary>
    public static (IReadOnlyList<PsslImage> Images, IReadOnlyList<string> Skipped) Scan(string imageRoot, IReadOnlyList<string> synsets, int maxPerSynset = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(synsets);
        var train = TrainRoot(imageRoot);
        var ids = synsets.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var images = new List<PsslImage>();
        var skipped = new List<string>();
        foreach (var folder in Directory.GetDirectories(train).Order(StringComparer.Ordinal))
        {
            var synset = Path.GetFileName(folder);
            if (!IsSynsetName(synset))
            {
                skipped.Add($"{folder}: not a synset folder (a synset name has no '_' or spaces; PSSLDataset takes the class from the file name before its first '_')");
                continue;
            }
            if (!ids.TryGetValue(synset, out var classId))
            {
                skipped.Add($"{folder}: synset '{synset}' is not in the synsets list");
                continue;
            }
            var taken = 0;
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                if (taken == maxPerSynset) break;
                var name = Path.GetFileName(file);
                if (!name.EndsWith(".JPEG", StringComparison.Ordinal) || !name.StartsWith(synset + "_", StringComparison.Ordinal))
                {
                    skipped.Add($"{file}: not named {synset}_<id>.JPEG (PSSLDataset finds images by '.JPEG' and their class by the name before '_'); rename it to include it");
                    continue;
                }
                images.Add(new PsslImage(file, $"{TrainFolder}/{synset}/{name}", synset, classId));
                taken++;
            }
        }
        return (images, skipped);
    }

    private static string TrainRoot(string imageRoot)
    {
        ArgumentNullException.ThrowIfNull(imageRoot);
        var train = Path.Combine(imageRoot, TrainFolder);
        if (!Directory.Exists(train)) throw new DirectoryNotFoundException($"{imageRoot} has no {TrainFolder}/ folder (expected {TrainFolder}/<synset>/<synset>_<id>.JPEG, ImageNet's layout)");
        return train;
    }
}
