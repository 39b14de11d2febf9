using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Cli.Tests;

// Eight 32x32 images with 2-class labels and a narrow PP-LiteSeg config over them (batch 2, SGD).
internal static class TinyData
{
    internal static string Config(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "img"));
        using (var scope = torch.NewDisposeScope())
        {
            torch.manual_seed(5);
            var lines = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                var image = torch.randint(0, 256, [32, 32, 3], ScalarType.Byte);
                ImageIO.write_png(image, Path.Combine(dir, "img", $"{i}.png"));
                ImageIO.write_png(image.select(2, 1).gt(127).to(ScalarType.Byte), Path.Combine(dir, "img", $"{i}_l.png"));
                lines.Add($"img/{i}.png img/{i}_l.png");
            }
            File.WriteAllText(Path.Combine(dir, "train.txt"), string.Join('\n', lines) + "\n");
        }
        return MinimalConfig.Write(dir, "tiny.yml", $"""
            batch_size: 2
            iters: 2
            train_dataset:
              type: Dataset
              dataset_root: {dir}
              train_path: {Path.Combine(dir, "train.txt")}
              num_classes: 2
              mode: train
              transforms:
                - type: RandomHorizontalFlip
                - type: Normalize
            model:
              type: PPLiteSeg
              num_classes: 2
              backbone:
                type: STDC1
              arm_out_chs: [8, 16, 16]
              seg_head_inter_chs: [8, 8, 8]
            optimizer:
              type: SGD
              momentum: 0.9
            lr_scheduler:
              type: PolynomialDecay
              learning_rate: 0.01
            loss:
              types:
                - type: CrossEntropyLoss
              coef: [1, 1, 1]
            """);
    }
}
