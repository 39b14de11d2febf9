namespace Seg.Torch.Tests.Cuda;

// The CUDA memory API exists on every build; without CUDA it reports 0. cuDNN flags round-trip.
public class CudaMemoryTests
{
    [Test]
    public void Memory_statistics_are_zero_without_cuda_and_consistent_with_it()
    {
        torch.cuda.empty_cache();
        torch.cuda.reset_peak_memory_stats();
        if (!torch.cuda.is_available())
        {
            Assert.That(torch.cuda.memory_allocated(), Is.Zero);
            Assert.That(torch.cuda.max_memory_allocated(), Is.Zero);
            Assert.That(torch.cuda.memory_reserved(), Is.Zero);
            Assert.That(torch.cuda.max_memory_reserved(), Is.Zero);
            return;
        }
        var before = torch.cuda.memory_allocated(0);
        using (var t = torch.zeros([1024, 1024], ScalarType.Float32, new Device(DeviceType.CUDA, 0)))
        {
            Assert.That(torch.cuda.memory_allocated(0) - before, Is.GreaterThanOrEqualTo(4L << 20));
            Assert.That(torch.cuda.max_memory_allocated(new Device(DeviceType.CUDA, 0)), Is.GreaterThanOrEqualTo(torch.cuda.memory_allocated(0)));
            Assert.That(torch.cuda.memory_reserved(0), Is.GreaterThanOrEqualTo(torch.cuda.memory_allocated(0)));
        }
        Assert.That(torch.cuda.memory_allocated(0), Is.EqualTo(before));
        torch.cuda.empty_cache();
        torch.cuda.reset_peak_memory_stats(0);
        Assert.That(torch.cuda.max_memory_allocated(0), Is.EqualTo(torch.cuda.memory_allocated(0)));
    }

    [Test]
    public void Cpu_device_is_refused_by_the_device_overloads()
    {
        Assert.Throws<ArgumentException>(() => torch.cuda.memory_allocated(Device.CPU));
    }

    [Test]
    public void Cuda_build_flag_matches_availability()
    {
        if (torch.cuda.is_available()) Assert.That(torch.cuda.compiled_with_cuda(), Is.True);
        if (!torch.cuda.compiled_with_cuda()) Assert.That(torch.backends.cudnn.is_available(), Is.False);
    }

    [Test]
    public void Cudnn_flags_round_trip()
    {
        var enabled = torch.backends.cudnn.enabled;
        var benchmark = torch.backends.cudnn.benchmark;
        Assert.That(enabled, Is.True, "cuDNN is enabled by default");
        Assert.That(benchmark, Is.False, "benchmark is off by default");
        try
        {
            torch.backends.cudnn.enabled = false;
            torch.backends.cudnn.benchmark = true;
            Assert.That(torch.backends.cudnn.enabled, Is.False);
            Assert.That(torch.backends.cudnn.benchmark, Is.True);
        }
        finally
        {
            torch.backends.cudnn.enabled = enabled;
            torch.backends.cudnn.benchmark = benchmark;
        }
        Assert.That(torch.backends.cudnn.enabled, Is.EqualTo(enabled));
    }
}
