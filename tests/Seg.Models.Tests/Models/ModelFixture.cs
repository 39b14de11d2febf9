using Seg.Core.Contracts;

namespace Seg.Models.Tests.Models;

// One model built from its manifest's PaddleSeg config, shared by a fixture's tests.
[Category(TestCategories.NeedsShared)]
public abstract class ModelFixture(string name)
{
    protected string Name { get; } = name;

    internal Manifest Manifest { get; private set; } = null!;

    protected SegModel Model { get; private set; } = null!;

    protected long Classes => Manifest.EvalShapes[0][1];

    [OneTimeSetUp]
    public void Build()
    {
        Manifest = Manifest.Load(Name);
        Model = ModelCatalog.Build(Manifest.ConfigPath);
    }

    [OneTimeTearDown]
    public void Free() => Model.Dispose();

    protected List<long[]> Shapes(bool training, int n, int h, int w)
    {
        Model.train(training);
        using var scope = torch.NewDisposeScope();
        using var grad = torch.no_grad();
        var input = torch.randn([n, 3, h, w]);
        return Model.forward(input).Select(t => t.shape).ToList();
    }

    /// <summary>Train outputs at any size: one logit map per level, plus STDCSeg's detail map at 1/8 (three stride-2 stages, rounding up).</summary>
    protected List<long[]> ExpectedTrain(int n, int h, int w)
    {
        var shapes = Enumerable.Repeat(new long[] { n, Classes, h, w }, 3).ToList();
        if (Name.StartsWith("stdcseg", StringComparison.Ordinal)) shapes.Add([n, 1, Eighth(h), Eighth(w)]);
        return shapes;
    }

    private static long Eighth(long size)
    {
        for (var i = 0; i < 3; i++) size = (size + 1) / 2;
        return size;
    }
}
