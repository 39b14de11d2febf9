namespace Seg.Core.Prediction;

/// <summary>
/// The images to predict and the folder their output paths are relative to (PaddleSeg's <c>image_dir</c>): the
/// searched folder, the list file's folder, or null for a single image (outputs then use its file name).
/// </summary>
public sealed record ImageList(IReadOnlyList<string> Images, string? ImageDir)
{
    /// <summary>
    /// The output name of <paramref name="imagePath"/>: its path relative to <see cref="ImageDir"/> (sub-folders
    /// kept), or its file name when there is no image folder or it lies outside it.
    /// </summary>
    public string RelativeName(string imagePath)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        if (ImageDir is not null)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(ImageDir), Path.GetFullPath(imagePath));
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) return relative;
        }
        return Path.GetFileName(imagePath);
    }
}
