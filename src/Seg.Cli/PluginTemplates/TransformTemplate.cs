namespace Seg.Cli.PluginTemplates;

// `seg plugins new NAME --kind transform`: inverts the image with probability prob.
internal static class TransformTemplate
{
    internal static ComponentTemplate Create(string name) => ComponentTemplate.Of(
        name,
        """
        using Seg.Core.Data;
        using Seg.Core.Data.Transforms;
        using Seg.Core.Registry;
        """,
        $$"""
        /// <summary>
        /// A transform (`transforms: - type: {{name}}`): with probability prob, replaces the image (HxWxC, 0..255,
        /// before Normalize) by max_value - image; the label is left alone. Randomness only from the sample's random.
        /// </summary>
        [SegComponent("{{name}}", ComponentKind.Transform)]
        public sealed class {{name}}({{name}}Options options) : ITransform
        {
            public {{name}}Options Options { get; } = options;

            public void Apply(SegSample sample, ISampleRandom random)
            {
                ArgumentNullException.ThrowIfNull(sample);
                ArgumentNullException.ThrowIfNull(random);
                if (random.Random() < Options.Prob) sample.Image = Options.MaxValue - sample.Image;
            }
        }
        """,
        """
            /// <summary>How often the image is inverted.</summary>
            public double Prob { get; init; } = 0.5;

            public double MaxValue { get; init; } = 255.0;
        """,
        """
        using Seg.Core.Data;
        using Seg.Torch;
        """,
        $$"""
            [TestCase(0.1, new float[] { 245, 55, 0 })]
            [TestCase(0.9, new float[] { 10, 200, 255 })]
            public void Inverts_the_image_when_the_draw_is_below_prob(double draw, float[] expected)
            {
                var transform = new {{name}}(new {{name}}Options { Prob = 0.5 });
                using var sample = new SegSample(torch.tensor(new float[] { 10, 200, 255 }).reshape(1, 1, 3), null, "image.png", null, labelIsGtField: false);

                transform.Apply(sample, new ReplayRandom([draw]));

                Assert.That(sample.Image.data<float>(), Is.EqualTo(expected));
            }
        """,
        $$"""
        train_dataset:
          transforms:
            - type: {{name}}
              prob: 0.5
            - type: Normalize
        """);
}
