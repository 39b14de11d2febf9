using Seg.Core.Contracts;

namespace Seg.Models.Tests.Models;

// Outputs in train and eval mode, at the manifest's input and at sizes not divisible by 32.
[TestFixtureSource(nameof(Names))]
public class OutputShapeTests(string name)
{
    private static readonly string[] Names = Manifest.Names;

    private Manifest manifest = null!;
    private SegModel model = null!;

    [OneTimeSetUp]
    public void Build()
    {
        manifest = Manifest.Load(name);
        model = ModelCatalog.Build(manifest.ConfigPath);
    }

    [OneTimeTearDown]
    public void Free() => model.Dispose();

    private bool Large => manifest.EvalShapes[0][1] > 100;

    private bool HasDetailHead => name.StartsWith("stdcseg", StringComparison.Ordinal);

    [Test]
    public void At_the_manifests_input_the_shapes_are_PaddleSegs()
    {
        if (Large) Assert.Ignore("1001-class outputs at 256×256 take ~0.5 GB each; the smaller sizes below cover these models");
        Assert.Multiple(() =>
        {
            Assert.That(Shapes(true, 2, 256, 256), Is.EqualTo(manifest.TrainShapes));
            Assert.That(Shapes(false, 2, 256, 256), Is.EqualTo(manifest.EvalShapes));
        });
    }

    // Not divisible by 32 (nor by 2 at every level): each decoder level resizes to its skip's size.
    [TestCase(190, 250)]
    [TestCase(50, 70)]
    public void Any_input_size_gives_logits_at_that_size(int h, int w)
    {
        if (Large && h > 64) Assert.Ignore("1001-class models are checked at the small size only (same network as the 19-class ones)");
        if (!Large && h < 64) Assert.Ignore("19-class models are checked at 190×250");
        var classes = manifest.EvalShapes[0][1];
        var expectedTrain = Enumerable.Repeat(new long[] { 2, classes, h, w }, 3).ToList();
        if (HasDetailHead) expectedTrain.Add([2, 1, Eighth(h), Eighth(w)]);
        Assert.Multiple(() =>
        {
            Assert.That(Shapes(true, 2, h, w), Is.EqualTo(expectedTrain));
            Assert.That(Shapes(false, 2, h, w), Is.EqualTo(new List<long[]> { new long[] { 2, classes, h, w } }));
        });
    }

    [Test]
    public void Eval_output_is_finite_and_depends_on_the_input()
    {
        if (Large) Assert.Ignore("covered by the 19-class models");
        model.eval();
        using var scope = torch.NewDisposeScope();
        using var grad = torch.no_grad();
        torch.manual_seed(1);
        var a = torch.randn([1, 3, 64, 64]);
        var b = torch.randn([1, 3, 64, 64]);
        var ya = model.forward(a)[0];
        var yb = model.forward(b)[0];
        Assert.That(ya.isfinite().all().item<bool>(), Is.True);
        Assert.That((ya - yb).abs().max().item<float>(), Is.GreaterThan(0f));
    }

    private static long Eighth(long size)
    {
        for (var i = 0; i < 3; i++) size = (size + 1) / 2;
        return size;
    }

    private List<long[]> Shapes(bool training, int n, int h, int w)
    {
        model.train(training);
        using var scope = torch.NewDisposeScope();
        using var grad = torch.no_grad();
        var input = torch.randn([n, 3, h, w]);
        return model.forward(input).Select(t => t.shape).ToList();
    }
}
