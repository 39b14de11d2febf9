namespace Seg.Cli.Tests;

// A small config that passes PaddleSeg's checker (every required top-level key, the generic Dataset).
internal static class MinimalConfig
{
    internal const string Yaml = """
        batch_size: 2
        iters: 100
        train_dataset:
          type: Dataset
          dataset_root: data
          train_path: data/train.txt
          num_classes: 3
          mode: train
          transforms:
            - type: Normalize
        model:
          type: SegNet
          num_classes: 3
        optimizer:
          type: SGD
        lr_scheduler:
          type: PolynomialDecay
          learning_rate: 0.01
        loss:
          types:
            - type: CrossEntropyLoss
          coef: [1]
        """;

    internal static string Write(string dir, string name = "x.yml", string? yaml = null)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, yaml ?? Yaml);
        return path;
    }
}
