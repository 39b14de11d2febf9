using Seg.Pssl.Explanation;
using Seg.Pssl.Generation;

namespace Seg.Pssl.Tests.Explanation;

public class SpotlightTests
{
    private static readonly PsslImage Image = new("unused.JPEG", "train/n1/n1_0.JPEG", "n1", 0);

    private static byte[] Mask(IReadOnlyList<CommitteeMember> committee, IExplainer explainer)
    {
        torch.manual_seed(1);
        using var x = torch.rand([3, 40, 40]);
        var generator = new PsslGenerator(committee, explainer);
        return DecileQuantizer.TopDecileMask(generator.ConsensusOf(x, Image).Consensus);
    }

    private static bool Inside(int i, int x0, int y0, int w, int h) => i % 40 >= x0 && i % 40 < x0 + w && i / 40 >= y0 && i / 40 < y0 + h;

    [Test]
    public void One_spotlights_top_decile_lies_in_its_rectangle_with_IoU_near_the_coverage_ratio()
    {
        // Scale 0.01 keeps the probability below saturation (at p = 1 its gradient vanishes).
        var mask = Mask([new("spot", new SpotlightClassifier(40, 40, 10, 12, 12, 15, 0.01f))], new SmoothGrad(new SmoothGradOptions { Samples = 8 }));
        var objectPixels = Enumerable.Range(0, 1600).Where(i => mask[i] == 1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(objectPixels, Has.Count.EqualTo(160));
            Assert.That(objectPixels.All(i => Inside(i, 10, 12, 12, 15)), Is.True);
            Assert.That(160.0 / 180, Is.GreaterThan(0.85)); // IoU = |mask| / |rectangle| when the mask is inside it
        });
    }

    [Test]
    public void The_consensus_of_shifted_spotlights_sits_in_their_overlap_and_a_x100_model_does_not_dominate()
    {
        var committee = new List<CommitteeMember>
        {
            new("a", new SpotlightClassifier(40, 40, 8, 10, 16, 16, 1f)),
            new("b", new SpotlightClassifier(40, 40, 10, 10, 16, 16, 1f)),
            new("c", new SpotlightClassifier(40, 40, 12, 10, 16, 16, 100f)),
        };
        foreach (var explainer in new IExplainer[] { new SmoothGrad(new SmoothGradOptions { Samples = 6, GradientOf = GradientTarget.Logit }), new VanillaGradient(GradientTarget.Logit) })
        {
            var mask = Mask(committee, explainer);
            var objectPixels = Enumerable.Range(0, 1600).Where(i => mask[i] == 1).ToList();
            Assert.That(objectPixels.All(i => Inside(i, 12, 10, 12, 16)), Is.True, explainer.Name);
        }
        // Without normalisation the ×100 model alone would decide: its rectangle's last rows reach x = 27, outside the overlap.
        var alone = Mask([committee[2]], new VanillaGradient(GradientTarget.Logit));
        Assert.That(Enumerable.Range(0, 1600).Where(i => alone[i] == 1).All(i => Inside(i, 12, 10, 12, 16)), Is.False);
    }

    [Test]
    public void Permuting_the_committee_leaves_the_mask_unchanged()
    {
        var a = new SpotlightClassifier(40, 40, 5, 5, 20, 20, 1f);
        var b = new SpotlightClassifier(40, 40, 9, 3, 20, 20, 3f);
        var explainer = new SmoothGrad(new SmoothGradOptions { Samples = 4 });
        // Each member's seed depends on its position, so compare with noise-free gradients.
        var plain = new VanillaGradient();
        Assert.That(Mask([new("a", a), new("b", b)], plain), Is.EqualTo(Mask([new("b", b), new("a", a)], plain)));
        var once = Mask([new("a", a), new("b", b)], explainer);
        var again = Mask([new("a", a), new("b", b)], explainer);
        Assert.That(again, Is.EqualTo(once));
    }
}
