using Seg.Cli.Commands;
using Seg.Torch;

namespace Seg.Cli.Tests;

// One device rule for train, val and predict (DeviceChoice): the CPU when asked, CUDA when asked and present, else the
// CPU with one warning per command; a GPU id that does not exist is an error only where a GPU is there to choose from.
public class DeviceChoiceTests
{
    [TestCase("training")]
    [TestCase("evaluating")]
    [TestCase("predicting")]
    public void A_device_Seg_does_not_run_on_falls_back_to_the_cpu_with_one_warning(string activity)
    {
        using var error = new StringWriter();
        Assert.That(DeviceChoice.Resolve("npu", activity, error), Is.EqualTo(Device.CPU));
        Assert.That(DeviceChoice.Resolve("npu", activity, error, deviceId: 5), Is.EqualTo(Device.CPU));
        Assert.That(error.ToString().Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain($"warning: --device npu is not supported by Seg; {activity} on cpu"));
    }

    [Test]
    public void The_cpu_is_chosen_silently_and_a_gpu_id_only_matters_where_cuda_is()
    {
        using var error = new StringWriter();
        Assert.That(DeviceChoice.Resolve("cpu", "predicting", error, deviceId: 7), Is.EqualTo(Device.CPU));
        Assert.That(error.ToString(), Is.Empty);
        if (torch.cuda.is_available())
        {
            var e = Assert.Throws<ArgumentException>(() => DeviceChoice.Resolve("gpu", "predicting", error, deviceId: torch.cuda.device_count()))!;
            Assert.That(e.Message, Does.Contain($"there are {torch.cuda.device_count()} GPU(s)"));
        }
        else
        {
            Assert.That(DeviceChoice.Resolve("gpu", "predicting", error, deviceId: 3), Is.EqualTo(Device.CPU));
            Assert.That(error.ToString(), Does.Contain("warning: --device gpu but CUDA is not available"));
        }
    }
}
