using Seg.Torch;

namespace Seg.Core.Evaluation;

/// <summary>
/// Pixel counts accumulated over a dataset (paddleseg/utils/metrics.py), rows = label class, columns = predicted class. Pixels whose
/// label is <see cref="IgnoreIndex"/> are skipped; pixels whose label is another value outside 0..C−1 are kept in an
/// extra row, because PaddleSeg counts their predictions in the pred area but in no label area. Accumulates on the
/// tensors' device (one bincount per image); the counts are read back only when asked for.
/// </summary>
public sealed class ConfusionMatrix : IDisposable
{
    private Tensor? counts; // int64 [(C+1)·C]: row-major, the last row = labels out of range
    private long[]? cached;

    public ConfusionMatrix(int numClasses, int ignoreIndex)
    {
        if (numClasses < 1) throw new ArgumentOutOfRangeException(nameof(numClasses), $"num_classes must be at least 1, got {numClasses}");
        NumClasses = numClasses;
        IgnoreIndex = ignoreIndex;
    }

    /// <summary>Builds a matrix from known counts: <paramref name="labelByPred"/> is (C+1)×C, row C = labels out of range.</summary>
    public ConfusionMatrix(int numClasses, int ignoreIndex, long[,] labelByPred) : this(numClasses, ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(labelByPred);
        if (labelByPred.GetLength(0) != numClasses + 1 || labelByPred.GetLength(1) != numClasses)
            throw new ArgumentException($"expected a {numClasses + 1}x{numClasses} matrix, got {labelByPred.GetLength(0)}x{labelByPred.GetLength(1)}", nameof(labelByPred));
        cached = labelByPred.Cast<long>().ToArray();
    }

    public int NumClasses { get; }

    public int IgnoreIndex { get; }

    /// <summary>Adds one prediction/label pair of equal shape (any integer dtype, e.g. [N,H,W] or [H,W]).</summary>
    public void Add(Tensor prediction, Tensor label)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(label);
        if (!prediction.shape.SequenceEqual(label.shape))
            throw new ArgumentException($"prediction [{string.Join(", ", prediction.shape)}] and label [{string.Join(", ", label.shape)}] differ in shape");
        using var scope = torch.NewDisposeScope();
        var c = (long)NumClasses;
        var l = label.to(ScalarType.Int64).flatten();
        var p = prediction.to(label.device, ScalarType.Int64).flatten();
        var keep = l.ne(IgnoreIndex);
        l = l.masked_select(keep);
        p = p.masked_select(keep);
        var outOfRange = l.lt(0).logical_or(l.ge(c));
        var row = l.masked_fill(outOfRange, c);
        // A prediction outside 0..C−1 (a model with more outputs than num_classes) counts in no class, as in PaddleSeg.
        var validPred = p.ge(0).logical_and(p.lt(c));
        var index = (row * c + p).masked_select(validPred);
        var add = index.bincount(minlength: (c + 1) * c);
        Materialize(add.device);
        counts!.add_(add);
        cached = null;
    }

    /// <summary>Adds another matrix of the same shape (e.g. another rank's).</summary>
    public void Add(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.NumClasses != NumClasses) throw new ArgumentException($"cannot add a {other.NumClasses}-class matrix to a {NumClasses}-class one");
        var mine = Raw();
        var theirs = other.Raw();
        cached = mine.Zip(theirs, (a, b) => a + b).ToArray();
        counts?.Dispose();
        counts = null;
    }

    /// <summary>Label i predicted as j, for i, j in 0..C−1.</summary>
    public long this[int label, int prediction] => Raw()[label * NumClasses + prediction];

    /// <summary>Per class: intersect I (label i predicted i), pred area P (predicted i at non-ignored pixels) and label area L (label i).</summary>
    public (long[] Intersect, long[] Pred, long[] Label) Areas()
    {
        var raw = Raw();
        var c = NumClasses;
        var intersect = new long[c];
        var pred = new long[c];
        var label = new long[c];
        for (var i = 0; i <= c; i++)
            for (var j = 0; j < c; j++)
            {
                var n = raw[i * c + j];
                pred[j] += n;
                if (i == c) continue;
                label[i] += n;
                if (i == j) intersect[i] += n;
            }
        return (intersect, pred, label);
    }

    /// <summary>The C×C matrix (labels outside 0..C−1 left out).</summary>
    public long[,] ToArray()
    {
        var raw = Raw();
        var result = new long[NumClasses, NumClasses];
        for (var i = 0; i < NumClasses; i++)
            for (var j = 0; j < NumClasses; j++) result[i, j] = raw[i * NumClasses + j];
        return result;
    }

    /// <summary>Predicted pixels whose label is outside 0..C−1 and not ignore_index, per predicted class.</summary>
    public long[] OutOfRangeLabels() => Raw().Skip(NumClasses * NumClasses).ToArray();

    public void Dispose()
    {
        counts?.Dispose();
        counts = null;
    }

    private void Materialize(Device device)
    {
        if (counts is not null) return;
        var size = (long)(NumClasses + 1) * NumClasses;
        counts = torch.zeros([size], ScalarType.Int64, device).DetachFromDisposeScope();
        if (cached is null) return;
        using var known = torch.tensor(cached).to(device);
        counts.add_(known);
    }

    private long[] Raw()
    {
        if (cached is not null) return cached;
        if (counts is null) return cached = new long[(NumClasses + 1) * NumClasses];
        using var cpu = counts.cpu();
        return cached = cpu.data<long>();
    }
}
