using Seg.Core.Contracts;
using Seg.Core.Weights;

namespace Seg.Models.Tests.Models;

// Eval logits equal an independent PyTorch re-implementation of PaddleSeg's model code
// (tests/fixtures/paddleseg_models_reference.py) on the same safetensors weights and input, to 1e-4 relative L2 error.
// The weights are random (every parameter and batch-norm statistic), written by Seg and read by both sides; the input
// size (97×86) is odd at some levels and even at others, so ceil-mode pooling and Paddle's asymmetric 'same'
// padding are both exercised.
[TestFixtureSource(nameof(Names))]
[NonParallelizable]
public class ReferenceLogitTests(string name)
{
    internal const double Tolerance = 1e-4;

    private static readonly string[] Names = ["pspnet_resnet50_vd", "deeplabv3_resnet50_vd", "ocrnet_hrnetw18",
        "stdcseg_stdc1", "stdcseg_stdc2", "pp_liteseg_stdc1", "pp_liteseg_stdc2"];

    // STDC-Seg and PP-LiteSeg live in the sibling script (tests/fixtures/paddleseg_realtime_reference.py).
    private string Script => name.StartsWith("stdcseg", StringComparison.Ordinal) || name.StartsWith("pp_liteseg", StringComparison.Ordinal)
        ? "paddleseg_realtime_reference.py" : "paddleseg_models_reference.py";

    [Test]
    public void Eval_logits_equal_the_PyTorch_reference()
    {
        var manifest = Manifest.Load(name);
        var dir = Directory.CreateTempSubdirectory("seg-ref-");
        try
        {
            var weights = Path.Combine(dir.FullName, "weights.safetensors");
            var input = Path.Combine(dir.FullName, "input.safetensors");
            var output = Path.Combine(dir.FullName, "output.safetensors");
            using var model = ModelCatalog.Build(manifest.ConfigPath);
            WriteRandomWeights(model, weights, seed: 13);
            PretrainedWeights.Load(model, weights, TextWriter.Null);
            model.eval();
            torch.manual_seed(7);
            using var x = torch.randn([1, 3, 97, 86]);
            SafeTensors.Save(input, [new KeyValuePair<string, Tensor>("x", x)]);

            PythonOracle.RunFile(Script, name, weights, input, output,
                Path.Combine(TestPaths.SharedReference, "manifests", name + ".json"));

            using var scope = torch.NewDisposeScope();
            using var grad = torch.no_grad();
            var ours = model.forward(x);
            using var theirs = SafeTensors.Load(output);
            Assert.That(ours, Has.Length.EqualTo(theirs.Tensors.Count), "number of eval outputs");
            for (var i = 0; i < ours.Length; i++)
            {
                var reference = theirs[$"out{i}"];
                Assert.That(ours[i].shape, Is.EqualTo(reference.shape), $"shape of output {i}");
                var error = L2(ours[i] - reference) / L2(reference);
                TestContext.Out.WriteLine($"{name} output {i}: relative L2 error {error:E2}");
                Assert.That(error, Is.LessThan(Tolerance), $"output {i}");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static double L2(Tensor t) => Math.Sqrt(t.pow(2).sum().item<float>());

    // He-normal conv weights, small biases, batch norm gamma in [0.5, 1.5], beta ~ N(0, 0.1), running mean ~ N(0, 0.1),
    // running variance in [0.5, 1.5]: every tensor of the state dict differs from its initial value.
    internal static void WriteRandomWeights(SegModel model, string path, int seed)
    {
        torch.manual_seed(seed);
        using var scope = torch.NewDisposeScope();
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var (key, value) in model.state_dict())
        {
            var shape = value.shape;
            Tensor t;
            if (key.EndsWith("._variance", StringComparison.Ordinal) || key.EndsWith("_batch_norm.weight", StringComparison.Ordinal))
                t = torch.rand(shape) + 0.5;
            else if (shape.Length == 4)
                t = torch.randn(shape) * Math.Sqrt(2.0 / (shape[1] * shape[2] * shape[3]));
            else if (shape.Length == 2)
                t = torch.randn(shape) * Math.Sqrt(1.0 / shape[0]);
            else
                t = torch.randn(shape) * 0.1;
            tensors.Add(new(key, t));
        }
        SafeTensors.Save(path, tensors);
    }
}
