using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Evaluation;
using Seg.Core.Tests.Data;
using Seg.Core.Tests.Progress;
using Seg.Torch;
using Seg.Torch.Images;
using F = Seg.Torch.torch.nn.functional;

namespace Seg.Core.Tests.Evaluation;

// Evaluator.Evaluate on a generic val Dataset whose images encode their classes, through padding recorded in trans_info.
public class EvaluatorTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-eval-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    // Reads the class from the red channel (0, 100 or 200 before Normalize): a per-pixel linear model.
    private sealed class RedChannelModel() : SegModel(nameof(RedChannelModel))
    {
        public override long NumClasses => 3;

        internal List<long[]> InputShapes { get; } = [];

        public override Tensor[] forward(Tensor input)
        {
            InputShapes.Add(input.shape);
            using var weight = torch.tensor(new float[] { -10, 0, 0, 0, 0, 0, 10, 0, 0 }, [3, 3, 1, 1]);
            using var bias = torch.tensor(new float[] { 0, 4, 0 });
            return [F.conv2d(input, weight, bias)];
        }
    }

    [Test]
    public void Counts_every_image_at_its_label_size_and_logs_PaddleSegs_lines()
    {
        var rng = new Random(5);
        var expected = new long[3, 3];
        var lines = new List<string>();
        foreach (var (name, h, w) in new[] { ("a", 10, 12), ("b", 7, 9) })
        {
            var classes = new byte[h * w];
            var labels = new byte[h * w];
            var rgb = new byte[h * w * 3];
            for (var i = 0; i < h * w; i++)
            {
                classes[i] = (byte)rng.Next(3);
                rgb[i * 3] = (byte)(classes[i] * 100);
                var r = rng.NextDouble();
                labels[i] = r < 0.1 ? (byte)255 : r < 0.2 ? (byte)((classes[i] + 1) % 3) : classes[i];
                if (labels[i] != 255) expected[labels[i], classes[i]]++;
            }
            using var image = torch.tensor(rgb, [h, w, 3]);
            using var label = torch.tensor(labels, [h, w]);
            ImageIO.write_png(image, Path.Combine(dir, name + ".png"), rgb: true);
            ImageIO.write_png(label, Path.Combine(dir, name + "_label.png"));
            lines.Add($"{name}.png {name}_label.png");
        }
        File.WriteAllLines(Path.Combine(dir, "val.txt"), lines);
        var dataset = DataTestHelpers.Build<SegDataset>($"type: Dataset\ndataset_root: {dir}\nval_path: {dir}/val.txt\nnum_classes: 3\nmode: val\ntransforms:\n  - type: Padding\n    target_size: [16, 16]\n  - type: Normalize");
        using var model = new RedChannelModel();
        using var log = new StringWriter();

        var result = Evaluator.Evaluate(model, dataset, new InferenceOptions(), new EvaluationRunOptions { Log = log });

        Assert.Multiple(() =>
        {
            Assert.That(model.InputShapes, Is.EqualTo(new[] { new long[] { 1, 3, 16, 16 }, [1, 3, 16, 16] }), "images padded, one per batch");
            Assert.That(result.ConfusionMatrix, Is.EqualTo(expected));
            Assert.That(result.ImageCount, Is.EqualTo(2));
            var iou = Enumerable.Range(0, 3).Select(c =>
            {
                long p = 0, l = 0;
                for (var k = 0; k < 3; k++) { p += expected[k, c]; l += expected[c, k]; }
                return (double)expected[c, c] / (p + l - expected[c, c]);
            }).ToArray();
            Assert.That(result.ClassIoU, Is.EqualTo(iou).Within(1e-12));
            Assert.That(model.training, Is.True, "the model's mode is restored");
            Assert.That(log.ToString(), Does.StartWith("Start evaluating (total_samples: 2, total_iters: 2)...").And.Contain(result.SummaryLine()).And.Contain("[EVAL] Class Recall: \n["));
        });
    }

    [Test]
    public void Images_of_one_shape_are_inferred_together_with_the_same_counts_as_one_at_a_time()
    {
        var rng = new Random(9);
        var lines = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            var rgb = new byte[8 * 6 * 3];
            var labels = new byte[8 * 6];
            for (var i = 0; i < labels.Length; i++)
            {
                rgb[i * 3] = (byte)(rng.Next(3) * 100);
                labels[i] = (byte)rng.Next(3);
            }
            using var image = torch.tensor(rgb, [6, 8, 3]);
            using var label = torch.tensor(labels, [6, 8]);
            ImageIO.write_png(image, Path.Combine(dir, $"{n}.png"), rgb: true);
            ImageIO.write_png(label, Path.Combine(dir, $"{n}_label.png"));
            lines.Add($"{n}.png {n}_label.png");
        }
        File.WriteAllLines(Path.Combine(dir, "val.txt"), lines);
        var dataset = DataTestHelpers.Build<SegDataset>($"type: Dataset\ndataset_root: {dir}\nval_path: {dir}/val.txt\nnum_classes: 3\nmode: val\ntransforms:\n  - type: Normalize");
        using var single = new RedChannelModel();
        using var batched = new RedChannelModel();
        using var progress = new RecordingProgress();

        var one = Evaluator.Evaluate(single, dataset, new InferenceOptions(), new EvaluationRunOptions { MaxBatchSize = 1 });
        var two = Evaluator.Evaluate(batched, dataset, new InferenceOptions(), new EvaluationRunOptions { MaxBatchSize = 2, Progress = progress });

        Assert.Multiple(() =>
        {
            Assert.That(single.InputShapes, Is.EqualTo(new[] { new long[] { 1, 3, 6, 8 }, [1, 3, 6, 8], [1, 3, 6, 8] }));
            Assert.That(batched.InputShapes, Is.EqualTo(new[] { new long[] { 2, 3, 6, 8 }, [1, 3, 6, 8] }));
            Assert.That(two.ConfusionMatrix, Is.EqualTo(one.ConfusionMatrix));
            Assert.That(two.ImageCount, Is.EqualTo(3));
            Assert.That(progress.Starts, Is.EqualTo(new[] { (0, 3) }));
            Assert.That(progress.Reports, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(one.ConfusionMatrix!.Cast<long>().Sum(), Is.EqualTo(3 * 48));
        });
    }
}
