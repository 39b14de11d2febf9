namespace Seg.Torch.Tests.Modules;

// Conv2d's padding_mode against PyTorch's nn.Conv2d with the same weights and input.
public class ConvPaddingModeTests
{
    [TestCase(PaddingModes.Reflect, "reflect")]
    [TestCase(PaddingModes.Replicate, "replicate")]
    [TestCase(PaddingModes.Circular, "circular")]
    [TestCase(PaddingModes.Zeros, "zeros")]
    public void Matches_pytorch(PaddingModes mode, string torchMode)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"seg-pad-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            torch.manual_seed(3);
            using var conv = torch.nn.Conv2d(2, 3, (3, 3), padding: (2, 1), padding_mode: mode);
            using var x = torch.randn(1, 2, 5, 6);
            using var y = conv.call(x);
            var input = Path.Combine(dir, "in.safetensors");
            SafeTensors.Save(input, [new("x", x), new("weight", conv.weight), new("bias", conv.bias!)]);
            var output = Path.Combine(dir, "out.safetensors");
            PythonOracle.Run("""
                import safetensors_io, torch
                t, _ = safetensors_io.load(sys.argv[1])
                conv = torch.nn.Conv2d(2, 3, 3, padding=(2, 1), padding_mode=sys.argv[3])
                with torch.no_grad():
                    conv.weight.copy_(t["weight"]); conv.bias.copy_(t["bias"])
                    safetensors_io.save(sys.argv[2], {"y": conv(t["x"])})
                """, input, output, torchMode);
            using var expected = SafeTensors.Load(output);
            Assert.That(y.shape, Is.EqualTo(expected["y"].shape));
            Assert.That(y.allclose(expected["y"], rtol: 1e-5, atol: 1e-6), Is.True);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
