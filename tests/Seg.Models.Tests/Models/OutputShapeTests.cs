namespace Seg.Models.Tests.Models;

// Outputs in train and eval mode of the 19-class models, at the manifest's input and at a size not divisible by 32.
[TestFixtureSource(nameof(Names))]
[Category(TestCategories.NeedsShared)]
public class OutputShapeTests(string name) : ModelFixture(name)
{
    private static readonly string[] Names = ["stdcseg_stdc1", "stdcseg_stdc2", "pp_liteseg_stdc1", "pp_liteseg_stdc2"];

    [Test]
    public void At_the_manifests_input_the_shapes_are_PaddleSegs()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Shapes(true, 2, 256, 256), Is.EqualTo(Manifest.TrainShapes));
            Assert.That(Shapes(false, 2, 256, 256), Is.EqualTo(Manifest.EvalShapes));
        });
    }

    // Each decoder level resizes to its skip's size, so odd sizes at every level work.
    [Test]
    public void An_input_not_divisible_by_32_gives_logits_at_its_size()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Shapes(true, 2, 190, 250), Is.EqualTo(ExpectedTrain(2, 190, 250)));
            Assert.That(Shapes(false, 2, 190, 250), Is.EqualTo(new List<long[]> { new long[] { 2, Classes, 190, 250 } }));
        });
    }

    [Test]
    public void Eval_output_is_finite_and_depends_on_the_input()
    {
        Model.eval();
        using var scope = torch.NewDisposeScope();
        using var grad = torch.no_grad();
        torch.manual_seed(1);
        var a = torch.randn([1, 3, 64, 64]);
        var b = torch.randn([1, 3, 64, 64]);
        var ya = Model.forward(a)[0];
        var yb = Model.forward(b)[0];
        Assert.That(ya.isfinite().all().item<bool>(), Is.True);
        Assert.That((ya - yb).abs().max().item<float>(), Is.GreaterThan(0f));
    }
}
