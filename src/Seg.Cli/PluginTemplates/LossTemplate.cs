namespace Seg.Cli.PluginTemplates;

// `seg plugins new NAME --kind loss`: the squared distance between softmax probabilities and one-hot labels (a Brier score).
internal static class LossTemplate
{
    internal static ComponentTemplate Create(string name) => ComponentTemplate.Of(
        name,
        """
        using Seg.Core.Contracts;
        using Seg.Core.Registry;
        using Seg.Torch;
        using F = Seg.Torch.torch.nn.functional;
        """,
        $$"""
        /// <summary>
        /// A loss (`loss.types: - type: {{name}}`): per pixel, the squared distance between the softmax probabilities and
        /// the one-hot label (the Brier score), averaged over the pixels that are not ignore_index, times scale.
        /// </summary>
        [SegComponent("{{name}}", ComponentKind.Loss)]
        public sealed class {{name}}({{name}}Options options) : ISegLoss
        {
            public {{name}}Options Options { get; } = options;

            /// <summary>logits [N, C, H, W], labels [N, H, W] (class ids) -> a scalar.</summary>
            public Tensor forward(Tensor logits, Tensor labels)
            {
                ArgumentNullException.ThrowIfNull(logits);
                ArgumentNullException.ThrowIfNull(labels);
                using var scope = torch.NewDisposeScope();
                var ids = labels.to(logits.device, ScalarType.Int64);
                var valid = ids.ne(Options.IgnoreIndex);
                var oneHot = F.one_hot(ids.masked_fill(valid.logical_not(), 0), logits.shape[1]).permute(0, 3, 1, 2).to(logits.dtype);
                var perPixel = (F.softmax(logits, 1) - oneHot).pow(2).sum(1) * valid.to(logits.dtype);
                var pixels = Math.Max(1L, valid.sum().item<long>());
                return (perPixel.sum() * (Options.Scale / pixels)).MoveToOuterDisposeScope();
            }
        }
        """,
        """
            /// <summary>Label value that is skipped (synchronised from the dataset's ignore_index).</summary>
            public int IgnoreIndex { get; init; } = 255;

            /// <summary>Multiplies the loss.</summary>
            public double Scale { get; init; } = 1.0;
        """,
        """
        using Seg.Torch;
        """,
        $$"""
            [Test]
            public void Uniform_logits_over_two_classes_cost_one_half_per_pixel_times_scale()
            {
                using var scope = torch.NewDisposeScope();
                var loss = new {{name}}(new {{name}}Options { Scale = 2.0 });
                var labels = torch.tensor(new long[] { 0, 1, 1, 255 }).reshape(1, 2, 2);

                var value = loss.forward(torch.zeros([1, 2, 2, 2]), labels).item<float>();

                // (0.5 - 1)^2 + (0.5 - 0)^2 = 0.5 on each of the 3 pixels that are not ignored.
                Assert.That(value, Is.EqualTo(1.0).Within(1e-6));
            }

            [Test]
            public void Confident_right_logits_cost_almost_nothing()
            {
                using var scope = torch.NewDisposeScope();
                var loss = new {{name}}(new {{name}}Options());
                var labels = torch.tensor(new long[] { 0, 1 }).reshape(1, 1, 2);
                var logits = torch.tensor(new float[] { 20, -20, -20, 20 }).reshape(1, 2, 1, 2);

                Assert.That(loss.forward(logits, labels).item<float>(), Is.LessThan(1e-6));
            }
        """,
        $$"""
        loss:
          types:
            - type: {{name}}
              scale: 1.0
          coef: [1]
        """);
}
