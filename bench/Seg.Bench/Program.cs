using System.Globalization;
using Seg.Bench;
using Seg.Torch;

// Usage: Seg.Bench --threads N [--case tiny|conv|all] [--conv-runs R]
// Prints one tab-separated line per case: seg, case, threads, unit, median, min, runs, ops per run.
var threads = 1;
var which = "all";
var convRuns = 10;
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--threads": threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--case": which = args[i + 1]; break;
        case "--conv-runs": convRuns = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: throw new ArgumentException($"unknown option {args[i]}");
    }
}

torch.set_num_threads(threads);
CheckThreads();

if (which is "tiny" or "all")
{
    using var a = torch.ones([1], ScalarType.Float32);
    using var b = torch.ones([1], ScalarType.Float32);
    // Proxy that exists in every build: one native call that makes a tensor, plus its disposal.
    Console.WriteLine(Harness.Measure("tiny_clone", threads, () => { using var c = a.clone(); }, 100_000, 3, 21, "us"));
    Console.WriteLine(Harness.Measure("tiny_add", threads, () => { using var c = a + b; }, 100_000, 3, 21, "us"));
}

if (which is "conv" or "all")
{
    torch.manual_seed(0);
    using var x = torch.randn([8, 64, 128, 128], ScalarType.Float32, requires_grad: true);
    using var w = torch.randn([64, 64, 3, 3], ScalarType.Float32, requires_grad: true);
    using var g = torch.ones([8, 64, 128, 128], ScalarType.Float32);
    void Step()
    {
        x.grad = null;
        w.grad = null;
        using var y = torch.nn.functional.conv2d(x, w, padding: 1);
        y.backward(g);
    }
    Console.WriteLine(Harness.Measure("conv_fwd_bwd", threads, Step, 1, 2, convRuns, "ms"));
}

CheckThreads();

void CheckThreads()
{
    if (torch.get_num_threads() != threads)
        throw new InvalidOperationException($"asked for {threads} threads, libtorch uses {torch.get_num_threads()}");
}
