namespace Seg.Core.Prediction;

/// <summary>
/// PaddleSeg's <c>get_image_list(image_path)</c> (paddleseg/utils/utils.py::get_image_list): one image, a folder searched recursively (files whose
/// name starts with '.' and anything under <c>.ipynb_checkpoints</c> skipped; sorted, where os.walk's order is the
/// file system's), or a text file list whose first whitespace-separated token on each line is an image path
/// relative to the list's folder (blank lines skipped).
/// </summary>
public static class ImageDiscovery
{
    /// <summary>The accepted image suffixes (case-sensitive, as PaddleSeg's list).</summary>
    public static readonly IReadOnlyList<string> ValidSuffixes = [".JPEG", ".jpeg", ".JPG", ".jpg", ".BMP", ".bmp", ".PNG", ".png"];

    /// <exception cref="FileNotFoundException">The path does not exist, or the list names an image that does not.</exception>
    /// <exception cref="InvalidDataException">No image was found.</exception>
    public static ImageList Find(string imagePath)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        List<string> images = [];
        string? imageDir = null;
        if (File.Exists(imagePath))
        {
            if (IsImage(imagePath))
            {
                images.Add(imagePath);
            }
            else
            {
                imageDir = Path.GetDirectoryName(imagePath) ?? "";
                var lineNumber = 0;
                foreach (var line in File.ReadLines(imagePath))
                {
                    lineNumber++;
                    var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length == 0) continue;
                    var path = Path.Combine(imageDir, tokens[0]);
                    if (!File.Exists(path))
                        throw new FileNotFoundException($"`--image_path` list {imagePath}, line {lineNumber}: the image '{path}' does not exist", path);
                    images.Add(path);
                }
            }
        }
        else if (Directory.Exists(imagePath))
        {
            imageDir = imagePath;
            images.AddRange(Directory.EnumerateFiles(imagePath, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
                .Where(f => !Path.GetFileName(f).StartsWith('.') && !InCheckpoints(Path.GetRelativePath(imagePath, f)) && IsImage(f))
                .Order(StringComparer.Ordinal));
        }
        else
        {
            throw new FileNotFoundException(
                $"`--image_path` is not found: '{imagePath}'. It should be a path of image, or a file list containing image paths, or a directory including images.", imagePath);
        }
        if (images.Count == 0)
            throw new InvalidDataException($"There are not image file in `--image_path`={imagePath} (accepted suffixes: {string.Join(' ', ValidSuffixes)})");
        return new ImageList(images, imageDir);
    }

    /// <summary>Whether the file name ends with one of <see cref="ValidSuffixes"/>.</summary>
    public static bool IsImage(string path) => ValidSuffixes.Contains(Path.GetExtension(path), StringComparer.Ordinal);

    private static bool InCheckpoints(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1).Contains(".ipynb_checkpoints", StringComparer.Ordinal);
}
