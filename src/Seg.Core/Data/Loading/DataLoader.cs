using Seg.Core.Data.Datasets;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Loading;

/// <summary>
/// Batches a dataset for one rank: <see cref="DataLoaderOptions.NumWorkers"/> threads prepare whole batches ahead of
/// the consumer (at most <see cref="DataLoaderOptions.PrefetchBatches"/>), delivered strictly in order. Every sample's
/// augmentation draws from <see cref="SampleRandom"/>(seed, epoch, index), so the batches are identical for any worker
/// count. A failing sample stops the epoch with a <see cref="DataLoaderException"/> naming its files.
/// </summary>
public sealed class DataLoader
{
    public DataLoader(SegDataset dataset, DataLoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        if (options.NumWorkers < 0) throw new ArgumentOutOfRangeException(nameof(options), $"num_workers must not be negative, got {options.NumWorkers}");
        if (options.PrefetchBatches is < 1) throw new ArgumentOutOfRangeException(nameof(options), $"prefetch must be at least 1, got {options.PrefetchBatches}");
        Dataset = dataset;
        Options = options;
        EpochPlan.Batches(dataset.Count, options, 0);
    }

    public SegDataset Dataset { get; }

    public DataLoaderOptions Options { get; }

    public int BatchesPerEpoch => EpochPlan.Batches(Dataset.Count, Options, 0).Count;

    /// <summary>The batches of <paramref name="epoch"/>, in order. Stopping the enumeration early stops the workers.</summary>
    public IEnumerable<Batch> Epoch(long epoch, CancellationToken cancellationToken = default)
    {
        var plan = EpochPlan.Batches(Dataset.Count, Options, epoch);
        if (Options.NumWorkers == 0)
        {
            foreach (var indices in plan)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return MakeBatch(indices, epoch);
            }
            yield break;
        }
        using var run = new EpochRun(plan.Count, Options.NumWorkers, Options.PrefetchBatches ?? 2 * Options.NumWorkers, b => MakeBatch(plan[b], epoch), cancellationToken);
        for (var b = 0; b < plan.Count; b++) yield return run.Take(b);
    }

    /// <summary>Reads, transforms and collates the samples <paramref name="indices"/> of <paramref name="epoch"/>.</summary>
    public Batch MakeBatch(IReadOnlyList<int> indices, long epoch)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var samples = new List<SegSample>(indices.Count);
        try
        {
            foreach (var index in indices)
            {
                var entry = Dataset.Entries[index];
                try
                {
                    samples.Add(Dataset.GetSample(index, new SampleRandom(Options.Seed, epoch, index)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new DataLoaderException(index, entry.ImagePath, entry.LabelPath, e);
                }
            }
            return Collate(indices, samples);
        }
        finally
        {
            foreach (var s in samples) s.Dispose();
        }
    }

    private Batch Collate(IReadOnlyList<int> indices, List<SegSample> samples)
    {
        var first = samples[0];
        foreach (var s in samples)
        {
            if (!s.Image.shape.SequenceEqual(first.Image.shape))
                throw new DataLoaderException($"cannot batch samples of different sizes: {first.Describe()} is [{string.Join(", ", first.Image.shape)}] but {s.Describe()} is [{string.Join(", ", s.Image.shape)}]; crop or resize them to one size (e.g. RandomPaddingCrop)");
            if (s.Label is { } l && l.dim() != 2)
                throw new DataLoaderException($"the label of {s.Describe()} has shape [{string.Join(", ", l.shape)}]; a single-channel label (class ids) is expected, not an RGB image. Run `seg data check` to list such files.");
            if (s.LabelIsGtField && s.Label is { } m && (m.shape[0] != s.Image.shape[1] || m.shape[1] != s.Image.shape[2]))
                throw new DataLoaderException($"the label of {s.Describe()} is {m.shape[1]}x{m.shape[0]} (w x h) after the transforms but the image is {s.Image.shape[2]}x{s.Image.shape[1]}: the files differ in size. Run `seg data check --config <config>` to list such files.");
        }
        var images = torch.stack(samples.Select(s => s.Image).ToList());
        Tensor? labels = null;
        if (samples.All(s => s.Label is not null))
        {
            var longs = samples.Select(s => s.Label!.to(ScalarType.Int64)).ToList();
            try
            {
                labels = torch.stack(longs);
            }
            finally
            {
                foreach (var t in longs) t.Dispose();
            }
        }
        if (Options.PinMemory)
        {
            images = Pin(images);
            if (labels is not null) labels = Pin(labels);
        }
        return new Batch(images, labels, [.. indices], samples.Select(s => new DatasetFiles(s.ImagePath, s.LabelPath)).ToList(), samples.Select(s => (IReadOnlyList<TransInfo>)[.. s.TransInfo]).ToList());
    }

    private static Tensor Pin(Tensor t)
    {
        var pinned = ImageOps.pin_if_cuda(t, out _);
        t.Dispose();
        return pinned;
    }
}
