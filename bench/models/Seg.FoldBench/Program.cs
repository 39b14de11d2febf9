using System.Diagnostics;
using System.Globalization;
using Seg.Core.Building;
using Seg.Core.Config;
using Seg.Core.Registry;
using Seg.Models.Segmentation;
using Seg.Torch;
using Seg.Torch.Modules;

// The eval forward (inference mode) of one config's model with batch norms run separately and folded into the convs
// (BatchNormFolding), in one process: two copies with the same weights, steps alternating plain, folded, plain, ...
// so that a shared machine's load hits both alike. Prints "fold_ab <model> <H>x<W> b<N> <threads> plain <img/s>
// folded <img/s> ratio <folded/plain> <steps>" (medians) and the largest relative logit difference.
// Usage: Seg.FoldBench --config X.yml --size H W --batch N --threads T --steps S
var a = args.ToList();
string Arg(string name, string fallback) => a.IndexOf(name) is var i and >= 0 ? a[i + 1] : fallback;
int Int(string name, int fallback, int offset = 1) =>
    a.IndexOf(name) is var i and >= 0 ? int.Parse(a[i + offset], CultureInfo.InvariantCulture) : fallback;
var config = Arg("--config", "configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml");
var (h, w) = (Int("--size", 256), Int("--size", 256, 2));
var batch = Int("--batch", 4);
var threads = Int("--threads", 2);
var steps = Int("--steps", 5);
torch.set_num_threads(threads);

static double Median(List<double> xs)
{
    xs.Sort();
    return xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[xs.Count / 2 - 1] + xs[xs.Count / 2]) / 2;
}

var registry = new ComponentRegistry();
registry.RegisterAssembly(typeof(PPLiteSeg).Assembly);
var cfg = ConfigLoader.Load(config, null, registry, TextWriter.Null);
Seg.Core.Contracts.SegModel Build()
{
    torch.manual_seed(0);
    var m = SegModelFactory.Build(cfg, registry, loadPretrained: false);
    using (torch.no_grad())
        foreach (var bn in m.modules().OfType<BatchNorm2d>())
        {
            torch.nn.init.uniform_(bn.running_mean!, -0.1, 0.1);
            torch.nn.init.uniform_(bn.running_var!, 0.5, 1.5);
        }
    m.eval();
    return m;
}
using var plain = Build();
using var folded = Build();
using var fold = BatchNormFolding.Fold(folded);
torch.manual_seed(1);
using var x = torch.randn(batch, 3, h, w);

double Step(Seg.Core.Contracts.SegModel model, out double maxAbs, Tensor? compare, out double diff)
{
    using var scope = torch.NewDisposeScope();
    using var inference = torch.inference_mode();
    var start = Stopwatch.GetTimestamp();
    var y = model.forward(x)[0];
    var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
    maxAbs = y.abs().max().item<float>();
    diff = compare is null ? 0 : (y - compare).abs().max().item<float>();
    return seconds;
}

// Warm-up, and the logits of both paths compared.
Tensor reference;
using (var inference = torch.inference_mode()) reference = plain.forward(x)[0].clone().DetachFromDisposeScope();
Step(folded, out var scale, reference, out var firstDiff);
var times = (plain: new List<double>(), folded: new List<double>());
for (var i = 0; i < steps; i++)
{
    times.plain.Add(Step(plain, out _, null, out _));
    times.folded.Add(Step(folded, out _, null, out _));
}
var (p, f) = (batch / Median(times.plain), batch / Median(times.folded));
Console.WriteLine(string.Join('\t', "fold_ab", plain.GetType().Name, $"{h}x{w}", $"b{batch}", $"threads={threads}",
    FormattableString.Invariant($"plain {p:F3} img/s"), FormattableString.Invariant($"folded {f:F3} img/s"),
    FormattableString.Invariant($"ratio {f / p:F2}"), $"steps={steps}", FormattableString.Invariant($"max_rel_diff {firstDiff / scale:E1}")));
reference.Dispose();
