using Seg.Core.Data.Datasets;
using Seg.Pssl.Npy;
using Seg.Torch;

namespace Seg.Pssl.Generation;

/// <summary>
/// Compares a PSSL tree (<c>train.txt</c> and its <c>.npz</c> masks, 1 = object) with ground-truth masks: for the line
/// <c>train/&lt;synset&gt;/&lt;name&gt;.JPEG_eiseg.npz</c> the truth is <c>gt_root/train/&lt;synset&gt;/&lt;name&gt;.png</c>,
/// a single-channel PNG where any value other than 0 and 255 is object, 255 is ignored. A mask of another size than its
/// truth is resized to it (nearest). Images without a truth are counted and left out.
/// </summary>
public static class PseudoMaskEvaluator
{
    public static PseudoMaskMetrics Evaluate(string predRoot, string gtRoot, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(predRoot);
        ArgumentNullException.ThrowIfNull(gtRoot);
        var list = Path.Combine(predRoot, PSSLDataset.TrainListName);
        if (!File.Exists(list)) throw new FileNotFoundException($"{predRoot} holds no {PSSLDataset.TrainListName} (generate it with `seg pssl generate`)", list);
        int images = 0, missing = 0;
        long tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var raw in File.ReadLines(list))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var cut = line.IndexOf(".JPEG", StringComparison.Ordinal);
            if (cut < 0) throw new FormatException($"{list}: '{line}' does not name a .JPEG label");
            var gtPath = Path.Combine(gtRoot, line[..cut] + ".png");
            if (!File.Exists(gtPath))
            {
                missing++;
                continue;
            }
            var pred = NpzReader.ReadArray(Path.Combine(predRoot, line));
            if (pred.Shape.Count != 2) throw new FormatException($"{line}: the mask is not 2-D");
            var (ph, pw) = ((int)pred.Shape[0], (int)pred.Shape[1]);
            var predMask = pred.Values.Select(v => v == 1 ? (byte)1 : (byte)0).ToArray();
            var gt = ReadGroundTruth(gtPath, out var gw, out var gh);
            if (gw != pw || gh != ph) predMask = NearestResize.Resize(predMask, pw, ph, gw, gh);
            for (var i = 0; i < gt.Length; i++)
            {
                if (gt[i] == 255) continue;
                var truth = gt[i] != 0;
                var said = predMask[i] == 1;
                if (truth && said) tp++;
                else if (said) fp++;
                else if (truth) fn++;
                else tn++;
            }
            images++;
        }
        if (missing > 0) log?.WriteLine($"[PSSL] {missing} mask(s) of {predRoot} have no ground truth under {gtRoot}; left out");
        return new PseudoMaskMetrics(images, missing, tp, fp, fn, tn);
    }

    private static byte[] ReadGroundTruth(string path, out int width, out int height)
    {
        using var label = LabelReader.Read(path);
        if (label.dim() != 2) throw new FormatException($"{path}: a ground-truth mask must be single-channel");
        (height, width) = ((int)label.shape[0], (int)label.shape[1]);
        using var bytes = label.to(ScalarType.Int32);
        return [.. bytes.ToArray<int>().Select(v => (byte)Math.Clamp(v, 0, 255))];
    }
}
