using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Visualization;

/// <summary>
/// A confusion matrix (rows: label, columns: prediction) as a row-normalised heat map PNG: each cell is a
/// <c>k x k</c> square coloured from white (0) to dark blue (1) by its share of the row (see <see cref="CellColor"/>);
/// rows without pixels stay white. No text: class names only have to match the matrix.
/// </summary>
public static class ConfusionMatrixImage
{
    /// <summary>The colour at 0 (white) and at 1 (matplotlib's darkest "Blues").</summary>
    public static readonly (byte R, byte G, byte B) Low = (255, 255, 255), High = (8, 48, 107);

    /// <summary>Writes the heat map of <paramref name="matrix"/> to <paramref name="pngPath"/> (folders created).</summary>
    public static void Write(string pngPath, long[,] matrix, IReadOnlyList<string>? classNames)
    {
        ArgumentNullException.ThrowIfNull(pngPath);
        using var image = Render(matrix, classNames);
        var dir = Path.GetDirectoryName(Path.GetFullPath(pngPath));
        if (dir is not null) Directory.CreateDirectory(dir);
        ImageIO.write_png(image, pngPath, rgb: true);
    }

    /// <summary>The heat map as an RGB uint8 [n·k, n·k, 3] tensor, k = <see cref="CellSize"/>(n).</summary>
    public static Tensor Render(long[,] matrix, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        if (n == 0 || matrix.GetLength(1) != n) throw new ArgumentException($"a confusion matrix is square and not empty, got {matrix.GetLength(0)}x{matrix.GetLength(1)}", nameof(matrix));
        if (classNames is not null && classNames.Count != n)
            throw new ArgumentException($"{classNames.Count} class names for a {n}x{n} confusion matrix", nameof(classNames));
        var k = CellSize(n);
        var side = n * k;
        var pixels = new byte[(long)side * side * 3];
        for (var r = 0; r < n; r++)
        {
            long total = 0;
            for (var c = 0; c < n; c++)
            {
                if (matrix[r, c] < 0) throw new ArgumentException($"negative count {matrix[r, c]} at ({r}, {c})", nameof(matrix));
                total += matrix[r, c];
            }
            for (var c = 0; c < n; c++)
            {
                var (red, green, blue) = CellColor(total == 0 ? 0 : (double)matrix[r, c] / total);
                for (var y = r * k; y < (r + 1) * k; y++)
                {
                    for (var x = c * k; x < (c + 1) * k; x++)
                    {
                        var p = (((long)y * side) + x) * 3;
                        pixels[p] = red;
                        pixels[p + 1] = green;
                        pixels[p + 2] = blue;
                    }
                }
            }
        }
        return torch.tensor(pixels, [side, side, 3], ScalarType.Byte);
    }

    /// <summary>Pixels per cell: 32 for small matrices, shrinking so the image stays near 1024 pixels, at least 1.</summary>
    public static int CellSize(int n) => Math.Clamp(1024 / Math.Max(n, 1), 1, 32);

    /// <summary>The colour of a row share in [0, 1]: linear from <see cref="Low"/> to <see cref="High"/>, rounded.</summary>
    public static (byte R, byte G, byte B) CellColor(double share)
    {
        var t = Math.Clamp(share, 0, 1);
        static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t), MidpointRounding.AwayFromZero);
        return (Mix(Low.R, High.R, t), Mix(Low.G, High.G, t), Mix(Low.B, High.B, t));
    }
}
