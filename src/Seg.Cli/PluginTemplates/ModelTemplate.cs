namespace Seg.Cli.PluginTemplates;

// `seg plugins new NAME --kind model`: a per-pixel classifier (3x3 conv, BN, ReLU, 1x1 conv) at input resolution.
internal static class ModelTemplate
{
    internal static ComponentTemplate Create(string name) => ComponentTemplate.Of(
        name,
        ComponentTemplate.ModuleUsings,
        $$"""
        /// <summary>
        /// A model (`model: type: {{name}}`): 3x3 conv, BatchNorm and ReLU, then a 1x1 conv to num_classes, at input
        /// resolution. Returns one logits tensor (one per `loss.types` entry in training; one in eval).
        /// </summary>
        [SegComponent("{{name}}", ComponentKind.Model)]
        public sealed class {{name}} : SegModel
        {
            private readonly Conv2d conv;
            private readonly BatchNorm2d bn;
            private readonly Conv2d cls;

            public {{name}}({{name}}Options options) : base(nameof({{name}}))
            {
                ArgumentNullException.ThrowIfNull(options);
                if (options.NumClasses < 1) throw new ArgumentException($"num_classes must be at least 1, got {options.NumClasses}");
                Options = options;
                conv = torch.nn.Conv2d(options.InChannels, options.HiddenChannels, 3, padding: 1);
                bn = torch.nn.BatchNorm2d(options.HiddenChannels);
                cls = torch.nn.Conv2d(options.HiddenChannels, options.NumClasses, 1);
                RegisterComponents();
            }

            public {{name}}Options Options { get; }

            public override long NumClasses => Options.NumClasses;

            public override Tensor[] forward(Tensor input) => [cls.forward(torch.nn.functional.relu(bn.forward(conv.forward(input))))];
        }
        """,
        """
            /// <summary>Synchronised from the dataset's num_classes.</summary>
            public required long NumClasses { get; init; }

            public long InChannels { get; init; } = 3;

            public long HiddenChannels { get; init; } = 16;
        """,
        """
        using Seg.Torch;
        """,
        $$"""
            [Test]
            public void Logits_have_one_channel_per_class_at_input_resolution()
            {
                using var scope = torch.NewDisposeScope();
                using var model = new {{name}}(new {{name}}Options { NumClasses = 5, HiddenChannels = 4 });

                var logits = model.forward(torch.rand([2, 3, 8, 12]));

                Assert.That(logits.Single().shape, Is.EqualTo(new long[] { 2, 5, 8, 12 }));
                Assert.That(model.state_dict().Keys, Does.Contain("cls.weight").And.Contain("bn._mean"));
            }
        """,
        $$"""
        model:
          type: {{name}}
          hidden_channels: 16
        """);
}
