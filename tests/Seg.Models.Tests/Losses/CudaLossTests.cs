using Seg.Models.Losses;

namespace Seg.Models.Tests.Losses;

// The losses make their helper tensors (class weights, Laplacian, fuse kernel) on the inputs' device.
[Category(TestCategories.Cuda)]
public class CudaLossTests
{
    [Test]
    public void Losses_on_cuda_equal_the_cpu_values()
    {
        Assert.That(torch.cuda.is_available(), Is.True, $"no CUDA device: tests in category {TestCategories.Cuda} need one");
        using var scope = torch.NewDisposeScope();
        var cuda = new Device(DeviceType.CUDA, 0);
        using var ce = new LossFixture("cross_entropy.safetensors");
        using var ohem = new LossFixture("ohem.safetensors");
        using var detail = new LossFixture("detail.safetensors");
        var cases = new (LossFixture Fx, string Name, Func<Tensor, Tensor, Tensor> Loss)[]
        {
            (ce, "ce_topk_weight", new CrossEntropyLoss(new CrossEntropyLossOptions { Weight = [0.5f, 2.0f, 1.0f, 3.0f, 0.25f], TopKPercentPixels = 0.25 }).forward),
            (ohem, "ohem_weight", new OhemCrossEntropyLoss(new OhemCrossEntropyLossOptions { Thresh = 0.6, MinKept = 20, Weight = [0.5f, 2.0f, 1.0f, 3.0f, 0.25f] }).forward),
            (detail, "detail_stdc", new DetailAggregateLoss(new DetailAggregateLossOptions()).forward),
        };
        foreach (var (fx, name, loss) in cases)
        {
            var value = loss(fx[name + ".logits"].to(cuda), fx[name + ".labels"].to(cuda));
            Assert.That(value.device, Is.EqualTo(cuda));
            LossFixture.AssertClose(value.cpu(), fx[name + ".out"], 1e-5, 1e-4, name + " on cuda");
        }
    }
}
