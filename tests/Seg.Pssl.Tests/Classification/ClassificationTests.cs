using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Pssl.Classification;
using Seg.Torch.Images;

namespace Seg.Pssl.Tests.Classification;

public class ClassificationTests
{
    private string root = null!;

    [SetUp]
    public void Create()
    {
        root = Path.Combine(Path.GetTempPath(), $"seg-imagefolder-{Guid.NewGuid():N}");
        foreach (var (cls, n) in new[] { ("zebra", 2), ("apple", 3) })
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "train", cls)).FullName;
            for (var i = 0; i < n; i++)
            {
                using var image = torch.full([10 + i, 12, 3], 100 + i, ScalarType.Byte);
                File.WriteAllBytes(Path.Combine(folder, $"{i}.png"), ImageIO.encode(image, ".png"));
            }
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an image");
        }
    }

    [TearDown]
    public void Remove() => Directory.Delete(root, true);

    [Test]
    public void Image_folder_numbers_classes_in_folder_name_order_and_keeps_labels_out_of_geometric_transforms()
    {
        var dataset = new ImageFolder(new ImageFolderOptions { DatasetRoot = root, Transforms = [] });
        Assert.That(dataset.Classes, Is.EqualTo(new[] { "apple", "zebra" }));
        Assert.That(dataset.Count, Is.EqualTo(5));
        using var sample = dataset.GetSample(4, new Core.Data.SampleRandom(0, 0, 0));
        Assert.That((sample.Label!.shape, sample.Label.ToArray<int>()[0], sample.LabelIsGtField), Is.EqualTo((new long[] { 1, 1 }, 1, false)));
    }

    [Test]
    public void A_class_list_fixes_the_ids_and_a_count_mismatch_names_the_file()
    {
        var list = Path.Combine(root, "classes.txt");
        File.WriteAllLines(list, ["zebra", "apple", "pear"]);
        var dataset = new ImageFolder(new ImageFolderOptions { DatasetRoot = root, Transforms = [], ClassList = list });
        Assert.That(dataset.ClassesOf(dataset.Entries[0].ImagePath), Is.EqualTo(new[] { 1 })); // apple/0.png, apple is line 2
        var e = Assert.Throws<ArgumentException>(() => new ImageFolder(new ImageFolderOptions { DatasetRoot = root, Transforms = [], ClassList = list, NumClasses = 2 }))!;
        Assert.That(e.Message, Does.Contain(list).And.Contain("3 classes"));
    }

    [Test]
    public void Multi_label_lists_give_0_1_vectors_and_the_BCE_loss_matches_its_formula()
    {
        var list = Path.Combine(root, "labels.txt");
        File.WriteAllLines(list, ["zebra/0.png zebra,apple", "apple/0.png apple"]);
        var dataset = new ImageFolder(new ImageFolderOptions { DatasetRoot = root, Transforms = [], MultiLabelList = list });
        using var batch = new DataLoader(dataset, new DataLoaderOptions { BatchSize = 2 }).Epoch(0).First();
        Assert.That(batch.Labels!.ToArray<long>(), Is.EqualTo(new long[] { 1, 1, 1, 0 }));
        using var logits = torch.tensor(new float[] { 0.5f, -1f, 2f, 0f }, [2, 2, 1, 1]);
        using var loss = new ImageLevelBCELoss(new ImageLevelBCELossOptions()).forward(logits, batch.Labels);
        static double Bce(double z, int y) => -((y * Math.Log(1 / (1 + Math.Exp(-z)))) + ((1 - y) * Math.Log(1 - (1 / (1 + Math.Exp(-z))))));
        var expected = (Bce(0.5, 1) + Bce(-1, 1) + Bce(2, 1) + Bce(0, 0)) / 4;
        Assert.That(loss.item<float>(), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void Top_k_and_mean_average_precision_on_known_scores()
    {
        float[][] scores = [[0.1f, 0.7f, 0.2f], [0.5f, 0.3f, 0.2f], [0.2f, 0.3f, 0.5f]];
        int[][] single = [[1], [1], [0]];
        Assert.Multiple(() =>
        {
            Assert.That(RankingMetrics.TopK(scores, single, 1), Is.EqualTo(1.0 / 3));
            Assert.That(RankingMetrics.TopK(scores, single, 2), Is.EqualTo(2.0 / 3));
            Assert.That(RankingMetrics.TopK(scores, single, 3), Is.EqualTo(1.0));
        });
        // Class 0 positives: images 1 (rank 1) and 2 (rank 2) → AP 1; class 1 positive: image 2 (rank 2 of 0.7, 0.3, 0.3 → stable: image 1 before 2) → AP 1/3.
        int[][] multi = [[0, 0, 0], [1, 0, 0], [1, 1, 0]];
        Assert.That(RankingMetrics.MeanAveragePrecision(scores, multi), Is.EqualTo((1.0 + (1.0 / 3)) / 2).Within(1e-12));
    }

    [Test]
    public void The_classifier_returns_one_logit_map_per_image_that_cross_entropy_trains()
    {
        torch.manual_seed(0);
        using var model = new ImageClassifier(new ImageClassifierOptions { NumClasses = 3, Backbone = new TinyConvNet(new TinyConvNetOptions { Channels = [4, 8] }) });
        using var x = torch.randn([2, 3, 16, 20]);
        var output = model.call(x);
        Assert.That(output, Has.Length.EqualTo(1));
        Assert.That(output[0].shape, Is.EqualTo(new long[] { 2, 3, 1, 1 }));
        using var logits = model.Logits(x);
        Assert.That(logits.allclose(output[0].view(2, 3)), Is.True);
    }
}
