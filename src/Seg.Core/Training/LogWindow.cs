namespace Seg.Core.Training;

/// <summary>What PaddleSeg averages between two [TRAIN] lines: losses, batch and reader times, samples.</summary>
internal sealed class LogWindow
{
    private readonly Dictionary<string, double> terms = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    internal int Count { get; private set; }

    internal double LossSum { get; private set; }

    internal double BatchSeconds { get; private set; }

    internal double ReaderSeconds { get; private set; }

    internal long Samples { get; private set; }

    internal void Add(double loss, IReadOnlyList<KeyValuePair<string, double>> termValues, double batchSeconds, double readerSeconds, int samples)
    {
        Count++;
        LossSum += loss;
        BatchSeconds += batchSeconds;
        ReaderSeconds += readerSeconds;
        Samples += samples;
        foreach (var (name, value) in termValues)
        {
            if (!terms.ContainsKey(name)) order.Add(name);
            terms[name] = terms.GetValueOrDefault(name) + value;
        }
    }

    internal double MeanLoss => LossSum / Count;

    internal double MeanBatchCost => BatchSeconds / Count;

    internal double MeanReaderCost => ReaderSeconds / Count;

    internal double Ips => BatchSeconds > 0 ? Samples / BatchSeconds : 0;

    internal IReadOnlyDictionary<string, double> MeanTerms()
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in order) means[name] = terms[name] / Count;
        return means;
    }

    internal void Reset()
    {
        Count = 0;
        LossSum = BatchSeconds = ReaderSeconds = 0;
        Samples = 0;
        terms.Clear();
        order.Clear();
    }
}
