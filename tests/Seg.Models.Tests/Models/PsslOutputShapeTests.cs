namespace Seg.Models.Tests.Models;

// The 1001-class PSSL models (the same networks as the 19-class ones) at a small size: 1001-class logits at
// 256×256 would take ~0.5 GB each.
[TestFixtureSource(nameof(Names))]
public class PsslOutputShapeTests(string name) : ModelFixture(name)
{
    private static readonly string[] Names = ["stdcseg_stdc2_pssl", "pp_liteseg_stdc1_pssl", "pp_liteseg_stdc2_pssl"];

    [Test]
    public void Logits_have_1001_classes_at_the_input_size()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Shapes(true, 2, 50, 70), Is.EqualTo(ExpectedTrain(2, 50, 70)));
            Assert.That(Shapes(false, 2, 50, 70), Is.EqualTo(new List<long[]> { new long[] { 2, 1001, 50, 70 } }));
        });
    }
}
