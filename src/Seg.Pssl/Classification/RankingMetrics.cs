namespace Seg.Pssl.Classification;

/// <summary>Top-k accuracy and mean average precision from per-image class scores.</summary>
public static class RankingMetrics
{
    /// <summary>The fraction of images whose class (<paramref name="targets"/>[i][0]) is among the k highest scores (ties counted against it).</summary>
    public static double TopK(IReadOnlyList<float[]> scores, IReadOnlyList<int[]> targets, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(targets);
        if (scores.Count == 0) return double.NaN;
        var hits = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var target = targets[i][0];
            var above = s.Count(v => v >= s[target]) - 1;
            if (above < k) hits++;
        }
        return (double)hits / scores.Count;
    }

    /// <summary>
    /// Mean over classes with at least one positive of the average precision (the mean of the precision at each
    /// positive's rank, scores sorted descending, stable); <paramref name="targets"/>[i] is image i's 0/1 vector.
    /// </summary>
    public static double MeanAveragePrecision(IReadOnlyList<float[]> scores, IReadOnlyList<int[]> targets)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(targets);
        if (scores.Count == 0) return double.NaN;
        var classes = scores[0].Length;
        var sum = 0.0;
        var counted = 0;
        for (var c = 0; c < classes; c++)
        {
            var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i][c]).ToList();
            var positives = 0;
            var precisionSum = 0.0;
            for (var r = 0; r < order.Count; r++)
            {
                if (targets[order[r]][c] != 1) continue;
                positives++;
                precisionSum += (double)positives / (r + 1);
            }
            if (positives == 0) continue;
            sum += precisionSum / positives;
            counted++;
        }
        return counted == 0 ? double.NaN : sum / counted;
    }
}
