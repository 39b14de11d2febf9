using Seg.Core.Losses;
using Seg.Models.Losses;

namespace Seg.Models.Tests.Losses;

public class MixedLossAndLossSetTests
{
    private static readonly float[] W5 = [0.5f, 2.0f, 1.0f, 3.0f, 0.25f];
    private LossFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new LossFixture("mixed.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    private static CrossEntropyLoss Ce() => new(new CrossEntropyLossOptions { Weight = W5 });

    private static OhemCrossEntropyLoss Ohem() => new(new OhemCrossEntropyLossOptions { Thresh = 0.7, MinKept = 10 });

    private static MixedLoss Mixed() => new(new MixedLossOptions { Losses = [Ce(), Ohem()], Coef = [0.8, 0.2] });

    [Test]
    public void Mixed_loss_returns_each_weighted_term_and_their_sum()
    {
        using var scope = torch.NewDisposeScope();
        var mixed = Mixed();
        var terms = mixed.forward_terms(fx["mixed.logits"], fx["mixed.labels"]);
        LossFixture.AssertClose(torch.stack(terms.ToArray()), fx["mixed.terms"], what: "terms");
        LossFixture.AssertClose(mixed.forward(fx["mixed.logits"], fx["mixed.labels"]), fx["mixed.terms"].sum(), what: "sum");
        Assert.That(mixed.TermNames, Is.EqualTo(new[] { "CrossEntropyLoss", "OhemCrossEntropyLoss" }));
    }

    [Test]
    public void Mixed_loss_needs_one_coef_per_member() =>
        Assert.That(() => new MixedLoss(new MixedLossOptions { Losses = [Ce(), Ohem()], Coef = [1.0] }),
            Throws.ArgumentException.With.Message.Contains("should equal to `coef`, but they are 2 and 1"));

    [Test]
    public void Loss_set_pairs_each_output_with_its_loss_and_coef()
    {
        using var scope = torch.NewDisposeScope();
        var set = new LossSet([Ce(), Ohem(), Mixed()], [1.0, 0.4, 0.5]);
        var logits = Enumerable.Range(0, 3).Select(i => fx[$"set.logits{i}"].detach().requires_grad_()).ToArray();

        using var output = set.Compute(logits, fx["set.labels"]);

        LossFixture.AssertClose(output.Total, fx["set.total"], what: "total");
        LossFixture.AssertClose(torch.stack(output.Terms.Select(t => t.Value).ToArray()), fx["set.terms"], what: "terms");
        Assert.That(output.Terms.Select(t => (t.Name, t.OutputIndex)), Is.EqualTo(new[]
        {
            ("CrossEntropyLoss", 0), ("OhemCrossEntropyLoss", 1), ("MixedLoss/CrossEntropyLoss", 2), ("MixedLoss/OhemCrossEntropyLoss", 2),
        }));
        var grads = torch.autograd.grad([output.Total], logits);
        for (var i = 0; i < 3; i++) LossFixture.AssertClose(grads[i]!, fx[$"set.grad{i}"], what: $"d total / d logits{i}");
    }

    [Test]
    public void Loss_set_says_what_to_write_when_the_counts_differ()
    {
        using var scope = torch.NewDisposeScope();
        var set = new LossSet([Ohem(), Ohem(), Ohem()], [1.0, 1.0, 1.0]);
        var logits = Enumerable.Range(0, 4).Select(_ => torch.zeros(1, 5, 2, 2)).ToArray();
        Assert.That(() => set.Compute(logits, torch.zeros([1, 2, 2], ScalarType.Int64)), Throws.ArgumentException
            .With.Message.Contains("the model returned 4 output(s) but the loss config has 3 loss type(s)")
            .And.Message.Contains("4 != 3")
            .And.Message.Contains("write 4 entries in loss.types and 4 numbers in loss.coef"));
    }

    [Test]
    public void Loss_set_needs_one_coef_per_type() =>
        Assert.That(() => new LossSet([Ce(), Ce()], [1.0]), Throws.ArgumentException.With.Message.Contains("2 loss types but 1 coef values"));

    [Test]
    public void Loss_set_terms_and_total_survive_the_callers_scope()
    {
        LossSetOutput output;
        using (var scope = torch.NewDisposeScope())
        {
            output = new LossSet([Ce()], [2.0]).Compute([fx["set.logits0"]], fx["set.labels"]);
            scope.Detach(output.Total);
            foreach (var t in output.Terms) scope.Detach(t.Value);
        }
        using (output)
            Assert.That(output.Total.item<float>(), Is.EqualTo(output.Terms[0].Value.item<float>()).Within(1e-6));
    }

}
