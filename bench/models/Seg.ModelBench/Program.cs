using Seg.Core.Config;
using System.Diagnostics;
using System.Globalization;
using Seg.Core.Contracts;
using Seg.Core.Losses;
using Seg.Core.Registry;
using Seg.Models.Segmentation;
using Seg.Torch;

// Prints tab-separated lines "seg <case> <threads> <value> <unit> <runs>" (the median of the timed runs):
//   matmul_1024: a 1024x1024 float matmul in GFLOP/s;
//   train_<model>: forward, the config's losses, backward and an SGD step at 256x256 batch 2, in images/s.
// Usage: Seg.ModelBench --threads N --runs R --configs A.yml B.yml ...
var args_ = args.ToList();
int Arg(string name, int fallback) => args_.IndexOf(name) is var i and >= 0 ? int.Parse(args_[i + 1], CultureInfo.InvariantCulture) : fallback;
var threads = Arg("--threads", 2);
var runs = Arg("--runs", 3);
var configs = args_.SkipWhile(a => a != "--configs").Skip(1).ToList();
torch.set_num_threads(threads);

static double Median(List<double> xs)
{
    xs.Sort();
    return xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[xs.Count / 2 - 1] + xs[xs.Count / 2]) / 2;
}

void Print(string name, double value, string unit, int n) =>
    Console.WriteLine(string.Join('\t', "seg", name, threads.ToString(CultureInfo.InvariantCulture), value.ToString("F3", CultureInfo.InvariantCulture), unit, n.ToString(CultureInfo.InvariantCulture)));

// matmul
{
    using var a = torch.randn(1024, 1024);
    using var b = torch.randn(1024, 1024);
    for (var i = 0; i < 3; i++) torch.matmul(a, b).Dispose();
    var rates = new List<double>();
    for (var r = 0; r < 10; r++)
    {
        var start = Stopwatch.GetTimestamp();
        torch.matmul(a, b).Dispose();
        rates.Add(2.0 * 1024 * 1024 * 1024 / Stopwatch.GetElapsedTime(start).TotalSeconds / 1e9);
    }
    Print("matmul_1024", Median(rates), "GFLOP/s", 10);
}

var registry = new ComponentRegistry();
registry.RegisterAssembly(typeof(PSPNet).Assembly);
foreach (var path in configs)
{
    torch.manual_seed(0);
    var cfg = ConfigLoader.Load(path, null, registry);
    SegModel model;
    using (Seg.Core.Weights.PretrainedWeights.ArchitectureOnly()) model = SegModelFactory.Build(cfg, registry);
    using var owned = model;
    var losses = LossSet.FromConfig(cfg.Loss, registry);
    using var optimizer = torch.optim.SGD(model.parameters(), lr: 0.01, momentum: 0.9);
    using var x = torch.randn(2, 3, 256, 256);
    using var y = torch.randint(0, model.NumClasses, [2, 256, 256]);
    model.train();
    void Step()
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.forward(x);
        using var output = losses.Compute(logits, y);
        output.Total.backward();
        optimizer.step();
    }
    if (runs > 1) Step(); // warm-up (skipped for a single run: a step takes minutes on a loaded 2-core machine)
    var rates = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        var start = Stopwatch.GetTimestamp();
        Step();
        rates.Add(2 / Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
    Print("train_" + model.GetType().Name, Median(rates), "images/s", runs);
}
