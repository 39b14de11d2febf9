namespace Seg.Pssl.Classification;

/// <summary>Reads a class list (ImageNet's synsets file): one class name per line, line index = class id, no blanks or repeats.</summary>
public static class ClassListFile
{
    public static IReadOnlyList<string> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"class list not found: {path}", path);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var name = raw.Trim();
            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
                throw new FormatException($"{path}, line {lineNumber}: '{raw}' is not a class name (one name per line, no blank lines)");
            if (!seen.Add(name)) throw new FormatException($"{path}, line {lineNumber}: '{name}' repeats");
            names.Add(name);
        }
        if (names.Count == 0) throw new FormatException($"{path}: no classes");
        return names;
    }
}
