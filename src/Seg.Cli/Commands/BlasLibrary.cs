namespace Seg.Cli.Commands;

// The BLAS that libtorch's matrix products use: the libblas/OpenBLAS/MKL library mapped into this process
// (Debian's libtorch links libblas.so.3, which the alternatives system points at OpenBLAS or the reference BLAS).
internal static class BlasLibrary
{
    internal static string Describe()
    {
        var path = Loaded();
        if (path is null) return "none found in the process";
        var lower = path.ToLowerInvariant();
        var name = lower.Contains("openblas", StringComparison.Ordinal) ? "OpenBLAS"
            : lower.Contains("mkl", StringComparison.Ordinal) ? "Intel MKL"
            : lower.Contains("blis", StringComparison.Ordinal) ? "BLIS"
            : lower.Contains("atlas", StringComparison.Ordinal) ? "ATLAS"
            : lower.Contains("/blas/", StringComparison.Ordinal) ? "reference BLAS (netlib; slow: install libopenblas0-pthread)"
            : "unknown";
        return $"{name} ({path})";
    }

    /// <summary>The real path of the first BLAS library in /proc/self/maps, or null.</summary>
    internal static string? Loaded()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return null;
        foreach (var line in File.ReadLines(maps))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0) continue;
            var path = line[slash..].Trim();
            var file = Path.GetFileName(path);
            if (file.StartsWith("libblas.so", StringComparison.Ordinal) || file.StartsWith("libopenblas", StringComparison.Ordinal)
                || file.StartsWith("libmkl_rt", StringComparison.Ordinal) || file.StartsWith("libblis", StringComparison.Ordinal))
                return path;
        }
        return null;
    }
}
