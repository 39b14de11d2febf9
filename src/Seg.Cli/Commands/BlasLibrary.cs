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

    /// <summary>The real path of the libblas.so.3 mapped into this process (else of another BLAS library there), or null.</summary>
    internal static string? Loaded()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return null;
        var paths = File.ReadLines(maps).Select(l => l.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? l[i..].Trim() : null)
            .OfType<string>().Distinct().ToList();
        // OpenBLAS's libblas.so.3 pulls in libopenblasp-r*.so: name the library libtorch links, not its dependency.
        return paths.FirstOrDefault(p => Path.GetFileName(p).StartsWith("libblas.so", StringComparison.Ordinal))
            ?? paths.FirstOrDefault(p => Path.GetFileName(p) is var f && (f.StartsWith("libopenblas", StringComparison.Ordinal)
                || f.StartsWith("libmkl_rt", StringComparison.Ordinal) || f.StartsWith("libblis", StringComparison.Ordinal)));
    }
}
