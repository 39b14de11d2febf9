namespace Seg.Cli.PluginTemplates;

// `seg plugins new NAME --kind backbone`: two stride-2 conv stages, each a feature map.
internal static class BackboneTemplate
{
    internal static ComponentTemplate Create(string name) => ComponentTemplate.Of(
        name,
        ComponentTemplate.ModuleUsings,
        $$"""
        /// <summary>
        /// A backbone (`backbone: type: {{name}}` inside a model): two stages of stride-2 3x3 conv and ReLU, returning
        /// both feature maps (strides 2 and 4); <see cref="FeatChannels"/> tells the model their channels.
        /// </summary>
        [SegComponent("{{name}}", ComponentKind.Backbone)]
        public sealed class {{name}} : Backbone
        {
            private readonly Conv2d stage1;
            private readonly Conv2d stage2;

            public {{name}}({{name}}Options options) : base(nameof({{name}}))
            {
                ArgumentNullException.ThrowIfNull(options);
                Options = options;
                stage1 = torch.nn.Conv2d(options.InChannels, options.Channels, 3, stride: 2, padding: 1);
                stage2 = torch.nn.Conv2d(options.Channels, options.Channels * 2, 3, stride: 2, padding: 1);
                RegisterComponents();
            }

            public {{name}}Options Options { get; }

            public override IReadOnlyList<long> FeatChannels => [Options.Channels, Options.Channels * 2];

            public override Tensor[] forward(Tensor input)
            {
                var first = torch.nn.functional.relu(stage1.forward(input));
                return [first, torch.nn.functional.relu(stage2.forward(first))];
            }
        }
        """,
        """
            public long InChannels { get; init; } = 3;

            /// <summary>Channels of the first stage; the second has twice as many.</summary>
            public long Channels { get; init; } = 16;
        """,
        """
        using Seg.Torch;
        """,
        $$"""
            [Test]
            public void Returns_two_feature_maps_at_strides_2_and_4_with_the_announced_channels()
            {
                using var scope = torch.NewDisposeScope();
                using var backbone = new {{name}}(new {{name}}Options { Channels = 4 });

                var features = backbone.forward(torch.rand([1, 3, 16, 24]));

                Assert.That(features.Select(f => f.shape), Is.EqualTo(new[] { new long[] { 1, 4, 8, 12 }, new long[] { 1, 8, 4, 6 } }));
                Assert.That(backbone.FeatChannels, Is.EqualTo(new long[] { 4, 8 }));
            }
        """,
        $$"""
        model:
          type: PSPNet          # any model that takes a backbone
          backbone:
            type: {{name}}
            channels: 16
          backbone_indices: [0, 1]
        """);
}
