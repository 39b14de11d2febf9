namespace Seg.Cli.PluginTemplates;

// `seg plugins new NAME --kind dataset`: images/NAME.png with labels/NAME.png, found by listing folders.
internal static class DatasetTemplate
{
    internal static ComponentTemplate Create(string name) => new(
        $$"""
        using Seg.Core.Data.Datasets;
        using Seg.Core.Registry;

        namespace {{name}};

        /// <summary>
        /// A dataset (`train_dataset: type: {{name}}`): every image in dataset_root/&lt;mode&gt;/images (png or jpg) with
        /// the label of the same name in dataset_root/&lt;mode&gt;/labels (png), sorted by name; no list file needed.
        /// </summary>
        [SegComponent("{{name}}", ComponentKind.Dataset)]
        public sealed class {{name}} : SegDataset
        {
            private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

            public {{name}}({{name}}Options options)
                : base(options?.Mode ?? throw new ArgumentNullException(nameof(options)), options.Transforms, options.NumClasses, options.IgnoreIndex, imgChannels: 3)
            {
                Options = options;
                var folder = Path.Combine(options.DatasetRoot, options.Mode.ToString().ToLowerInvariant());
                var images = Path.Combine(folder, "images");
                if (!Directory.Exists(images)) throw new DirectoryNotFoundException($"{{name}}: {images} does not exist (dataset_root/<mode>/images)");
                Entries = Directory.EnumerateFiles(images)
                    .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new DatasetEntry(f, LabelFor(folder, f)))
                    .ToList();
            }

            public {{name}}Options Options { get; }

            public override IReadOnlyList<DatasetEntry> Entries { get; }

            private static string LabelFor(string folder, string image)
            {
                var label = Path.Combine(folder, "labels", Path.GetFileNameWithoutExtension(image) + ".png");
                return File.Exists(label) ? label : throw new FileNotFoundException($"{{name}}: the label of {image} is missing: {label}", label);
            }
        }
        """,
        $$"""
        using Seg.Core.Data.Datasets;
        using Seg.Core.Data.Transforms;

        namespace {{name}};

        /// <summary>The YAML keys of `type: {{name}}` (snake_case of the property names); initialisers are the defaults.</summary>
        public sealed record {{name}}Options
        {
            public required string DatasetRoot { get; init; }

            public required DatasetMode Mode { get; init; }

            public required int NumClasses { get; init; }

            public IReadOnlyList<ITransform> Transforms { get; init; } = [];

            public int IgnoreIndex { get; init; } = 255;
        }
        """,
        $$"""
        using Seg.Core.Data.Datasets;

        namespace {{name}}.Tests;

        public class {{name}}Tests
        {
            [Test]
            public void Pairs_each_image_with_the_label_of_the_same_name_in_name_order()
            {
                var root = Directory.CreateTempSubdirectory("{{name}}-").FullName;
                try
                {
                    Directory.CreateDirectory(Path.Combine(root, "train", "images"));
                    Directory.CreateDirectory(Path.Combine(root, "train", "labels"));
                    foreach (var n in new[] { "b", "a" })
                    {
                        File.WriteAllText(Path.Combine(root, "train", "images", n + ".jpg"), "");
                        File.WriteAllText(Path.Combine(root, "train", "labels", n + ".png"), "");
                    }

                    var dataset = new {{name}}(new {{name}}Options { DatasetRoot = root, Mode = DatasetMode.Train, NumClasses = 2 });

                    Assert.That(dataset.Entries.Select(e => (Path.GetFileName(e.ImagePath), Path.GetFileName(e.LabelPath))),
                        Is.EqualTo(new[] { ("a.jpg", "a.png"), ("b.jpg", "b.png") }));
                }
                finally
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }
        """,
        $$"""
        train_dataset:
          type: {{name}}
          dataset_root: data/my_dataset     # holds train/images, train/labels, val/images, val/labels
          num_classes: 2
          mode: train
          transforms:
            - type: Normalize
        """);
}
