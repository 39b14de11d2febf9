using Seg.Core.Building;
using System.Diagnostics;
using System.Globalization;
using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Losses;
using Seg.Core.Precision;
using Seg.Core.Weights;
using Seg.Models.Layers;
using Seg.Models.Losses;
using Seg.Models.Segmentation;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Cli.Commands;

// Runs `seg bench`: builds the config's model (architecture only, seeded), random images and labels, then
// warm-up and timed steps.
internal static class BenchRun
{
    internal static BenchResult Run(BenchSettings s, IReadOnlyList<string> plugins, TextWriter error)
    {
        if (s.Threads is { } t) torch.set_num_threads(t);
        var catalog = PluginsOption.LoadCatalog(plugins, error);
        var config = ConfigLoader.Load(s.Config, new ConfigOverrides { Opts = s.Opts }, catalog.Registry, error);
        torch.manual_seed(0);
        using var model = SegModelFactory.Build(config, catalog.Registry, loadPretrained: false);
        using var x = torch.randn(s.Batch, 3, s.Height, s.Width);
        using var y = torch.randint(0, model.NumClasses, [s.Batch, s.Height, s.Width]);

        Action step;
        IDisposable? cleanup = null;
        if (s.Train)
        {
            model.train();
            var losses = s.CrossEntropyOnEveryOutput ? CrossEntropyOnEveryOutput(model, x) : LossSet.FromConfig(config.Loss, catalog.Registry);
            var optimizer = torch.optim.SGD(model.parameters(), lr: 0.01, momentum: 0.9);
            cleanup = optimizer;
            model.train();
            // bf16: what `seg train --precision fp16` does on the CPU (autocast with PaddleSeg's op lists, loss scaling).
            var amp = s.BFloat16 ? MixedPrecision.Fp16(AmpLevel.O1) : MixedPrecision.Float32;
            var scaler = amp.NewScaler();
            step = () =>
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                LossSetOutput output;
                using (amp.Enter(DeviceType.CPU))
                    output = losses.Compute(model.forward(x), y);
                using (output) (scaler is null ? output.Total : scaler.Scale(output.Total)).backward();
                if (scaler is null) optimizer.step();
                else
                {
                    scaler.Step(model.parameters().Select(p => p.grad), () => optimizer.step());
                    scaler.Update();
                }
            };
        }
        else
        {
            model.eval();
            if (s.FoldBatchNorm) cleanup = BatchNormFolding.Fold(model);
            step = () =>
            {
                using var scope = torch.NewDisposeScope();
                using var inference = torch.inference_mode();
                using var autocast = s.BFloat16 ? torch.autocast_cpu(ScalarType.BFloat16) : null;
                _ = model.forward(x);
            };
        }

        var previousDefer = Resize.DeferTrainingLogits;
        Resize.DeferTrainingLogits = s.Fused;
        try
        {
            for (var i = 0; i < s.Warmup; i++) step();
            var times = new List<double>();
            for (var i = 0; i < s.Steps; i++)
            {
                var start = Stopwatch.GetTimestamp();
                step();
                times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
            times.Sort();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
            return new BenchResult(s, model.GetType().Name, torch.get_num_threads(), median, PeakRssMiB());
        }
        finally
        {
            Resize.DeferTrainingLogits = previousDefer;
            cleanup?.Dispose();
        }
    }

    // One CrossEntropyLoss (PaddleSeg's defaults) per training output, coefficient 1: the PyTorch side's loss.
    private static LossSet CrossEntropyOnEveryOutput(SegModel model, Tensor x)
    {
        int outputs;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
            outputs = model.forward(x).Length;
        return new LossSet([.. Enumerable.Range(0, outputs).Select(_ => new CrossEntropyLoss(new CrossEntropyLossOptions()))], [.. Enumerable.Repeat(1.0, outputs)]);
    }

    // VmHWM of /proc/self/status (Linux); 0 where it is not available.
    private static double PeakRssMiB()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return 0;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null) return 0;
        var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }
}
