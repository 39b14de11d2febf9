using System.Diagnostics;
using System.Text;
using Seg.Core.Progress;
using Seg.Pssl.Explanation;
using Seg.Pssl.Npy;
using Seg.Torch;

namespace Seg.Pssl.Generation;

/// <summary>
/// Makes PSSL labels (spec §2): per image, each committee member's explanation of the target class, min-max normalised,
/// averaged, the top decile as the object, resized to the image and written as PSSLDataset reads it
/// (<c>train/&lt;synset&gt;/&lt;name&gt;.JPEG_eiseg.npz</c> with <c>arr_0</c>, <c>train.txt</c>, the synsets file). Resumable:
/// a finished mask is never rewritten (masks are written to a temporary file and renamed). An image that fails
/// (undecodable, non-finite map) is reported by name and left out of <c>train.txt</c>.
/// </summary>
public sealed class PsslGenerator
{
    private readonly IReadOnlyList<CommitteeMember> committee;
    private readonly IExplainer explainer;
    private readonly PsslGenerationOptions options;

    public PsslGenerator(IReadOnlyList<CommitteeMember> committee, IExplainer explainer, PsslGenerationOptions? options = null)
    {
        this.committee = committee ?? throw new ArgumentNullException(nameof(committee));
        this.explainer = explainer ?? throw new ArgumentNullException(nameof(explainer));
        this.options = options ?? new PsslGenerationOptions();
        if (committee.Count == 0) throw new ArgumentException("the committee needs at least one classifier", nameof(committee));
        if (this.options.ResizeTo < 1) throw new ArgumentException($"resize_to must be positive, got {this.options.ResizeTo}");
        if (this.options.Workers < 1) throw new ArgumentException($"workers must be at least 1, got {this.options.Workers}");
    }

    /// <summary>Started with the number of images and told after each (from one worker at a time).</summary>
    public IJobProgress? Progress { get; init; }

    /// <summary>
    /// Generates labels for <paramref name="images"/> under <paramref name="outputRoot"/>. Every classifier must have
    /// <paramref name="synsets"/>.Count classes (refused otherwise, naming it).
    /// </summary>
    public PsslGenerationSummary Run(IReadOnlyList<PsslImage> images, IReadOnlyList<string> synsets, string outputRoot, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(synsets);
        ArgumentNullException.ThrowIfNull(outputRoot);
        ArgumentNullException.ThrowIfNull(log);
        foreach (var member in committee)
        {
            if (member.Model.NumClasses != synsets.Count)
                throw new ArgumentException($"{member.Name}: the classifier has {member.Model.NumClasses} classes but the synsets list has {synsets.Count}; its class ids must be the synsets' line numbers");
        }
        Directory.CreateDirectory(outputRoot);
        File.WriteAllLines(Path.Combine(outputRoot, PSSLDataset.SynsetsFileName), synsets);
        var clock = Stopwatch.StartNew();
        int written = 0, resumed = 0, failed = 0, constant = 0, disagreements = 0, done = 0;
        var sync = new object();
        Progress?.Start(0, images.Count);
        Parallel.ForEach(images, new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellationToken }, image =>
        {
            var labelPath = Path.Combine(outputRoot, image.LabelRelativePath);
            string? message = null;
            ImageResult? result = null;
            if (File.Exists(labelPath))
            {
                Interlocked.Increment(ref resumed);
            }
            else
            {
                try
                {
                    result = Generate(image, labelPath, outputRoot);
                }
                catch (Exception e) when (e is Torch.Images.ImageDecodeException or ArithmeticException or ArgumentException or FormatException or TorchException or IOException)
                {
                    message = $"[PSSL] skipped {image.ImagePath}: {e.Message.ReplaceLineEndings(" ")}";
                }
            }
            lock (sync)
            {
                if (message is not null)
                {
                    failed++;
                    log.WriteLine(message);
                }
                if (result is { } r)
                {
                    written++;
                    constant += r.ConstantMaps;
                    disagreements += r.Disagreements;
                }
                done++;
                Progress?.Report(done);
            }
        });
        WriteTrainList(images, outputRoot);
        return new PsslGenerationSummary(written, resumed, failed, constant, disagreements, committee.Count, clock.Elapsed);
    }

    /// <summary>The consensus map C of one image at the explanation's resolution, [H'·W'] row-major, and its size.</summary>
    public (float[] Consensus, int Width, int Height, int ConstantMaps, int Disagreements) ConsensusOf(Tensor input, PsslImage image)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(image);
        var (height, width) = ((int)input.shape[1], (int)input.shape[2]);
        var consensus = new Consensus(width * height);
        var disagreements = 0;
        using var batch = input.unsqueeze(0).to(options.Device);
        for (var m = 0; m < committee.Count; m++)
        {
            using var scope = torch.NewDisposeScope();
            var model = committee[m].Model;
            long top1;
            using (torch.no_grad()) top1 = model.Logits(batch).argmax(1).item<long>();
            if (top1 != image.ClassId) disagreements++;
            var target = options.Target == TargetChoice.Gt ? image.ClassId : top1;
            var map = explainer.Explain(model, batch, [target], [SeedFor(options.Seed, image.RelativePath, m)]);
            consensus.Add(map.to(ScalarType.Float32).contiguous().ToArray<float>());
        }
        return (consensus.Mean(), width, height, consensus.ConstantMaps, disagreements);
    }

    /// <summary>The seed of one (image, model): FNV-1a of the relative path mixed with the run seed and the model index.</summary>
    public static long SeedFor(long runSeed, string relativePath, int modelIndex)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(relativePath))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return unchecked((long)(hash ^ ((ulong)runSeed * 0x9E3779B97F4A7C15UL)) + (modelIndex * 7919L));
    }

    private ImageResult Generate(PsslImage image, string labelPath, string outputRoot)
    {
        var (input, width, height) = ExplanationPreprocessing.Load(image.ImagePath, options.ResizeTo);
        using (input)
        {
            var (consensus, w, h, constant, disagreements) = ConsensusOf(input, image);
            var mask = DecileQuantizer.TopDecileMask(consensus);
            var (outW, outH) = options.LabelAtImageSize ? (width, height) : (w, h);
            if (outW != w || outH != h) mask = NearestResize.Resize(mask, w, h, outW, outH);
            Directory.CreateDirectory(Path.GetDirectoryName(labelPath)!);
            var temporary = labelPath + ".partial";
            NpzWriter.WriteUInt8(temporary, mask, [outH, outW]);
            File.Move(temporary, labelPath, overwrite: true);
            if (options.SaveMaps) HeatMap.Write(image.ImagePath, consensus, w, h, Path.Combine(outputRoot, "maps", Path.ChangeExtension(image.RelativePath, ".png")));
            return new ImageResult(constant, disagreements);
        }
    }

    // train.txt lists every finished label (this run's and earlier runs'), in the images' order.
    private static void WriteTrainList(IReadOnlyList<PsslImage> images, string outputRoot)
    {
        var lines = images.Where(i => File.Exists(Path.Combine(outputRoot, i.LabelRelativePath))).Select(i => i.LabelRelativePath);
        var path = Path.Combine(outputRoot, PSSLDataset.TrainListName);
        File.WriteAllLines(path + ".partial", lines);
        File.Move(path + ".partial", path, overwrite: true);
    }

    private sealed record ImageResult(int ConstantMaps, int Disagreements);
}
