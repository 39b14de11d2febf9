namespace Seg.Torch.Tests.Core;

public class TensorCoreTests
{
    [Test]
    public void Round_trips_dotnet_arrays_of_every_dtype()
    {
        using (var t = torch.tensor(new float[] { 1.5f, -2f, 3f, 4f, 5f, 6f }, [2, 3]))
        {
            Assert.That(t.shape, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(t.dtype, Is.EqualTo(ScalarType.Float32));
            Assert.That(t.data<float>(), Is.EqualTo(new[] { 1.5f, -2f, 3f, 4f, 5f, 6f }));
        }
        using (var t = torch.tensor(new long[] { long.MaxValue, -1 })) Assert.That(t.data<long>(), Is.EqualTo(new[] { long.MaxValue, -1 }));
        using (var t = torch.tensor(new double[] { Math.PI })) Assert.That(t.item<double>(), Is.EqualTo(Math.PI));
        using (var t = torch.tensor(new bool[] { true, false })) Assert.That(t.data<bool>(), Is.EqualTo(new[] { true, false }));
        using (var t = torch.tensor(new[] { (Half)1.5 })) Assert.That(t.dtype, Is.EqualTo(ScalarType.Float16));
        using (var t = torch.tensor(new[] { 1f, 2.5f }, dtype: ScalarType.BFloat16))
            Assert.That(t.to(ScalarType.Float32).data<float>(), Is.EqualTo(new[] { 1f, 2.5f }));
        using (var t = torch.from_array<int>(new int[,] { { 1, 2 }, { 3, 4 } }))
        {
            Assert.That(t.shape, Is.EqualTo(new long[] { 2, 2 }));
            Assert.That(t.data<int>(), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        }
    }

    [Test]
    public void Wrong_element_count_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => torch.tensor(new float[5], [2, 3]))!;
        Assert.That(e.Message, Does.Contain("20 bytes"));
    }

    [Test]
    public void Factories_follow_pytorch_dtype_rules()
    {
        using var a = torch.arange(5);
        Assert.That(a.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(a.data<long>(), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
        using var b = torch.arange(0.0, 1.0, 0.25);
        Assert.That(b.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(b.data<float>(), Is.EqualTo(new[] { 0f, 0.25f, 0.5f, 0.75f }));
        using var f = torch.full([2], 7);
        Assert.That(f.dtype, Is.EqualTo(ScalarType.Int64));
        using var g = torch.full([2], 7.0);
        Assert.That(g.dtype, Is.EqualTo(ScalarType.Float32));
        using var z = torch.zeros([3], ScalarType.Float64, requires_grad: true);
        Assert.That(z.requires_grad, Is.True);
        using var r = torch.randint(3, 5, [1000]);
        Assert.That(r.data<long>().Distinct().Order(), Is.EqualTo(new long[] { 3, 4 }));
        using var like = torch.ones_like(z);
        Assert.That(like.dtype, Is.EqualTo(ScalarType.Float64));
        Assert.That(like.data<double>(), Is.EqualTo(new[] { 1.0, 1.0, 1.0 }));
    }

    [Test]
    public void To_converts_dtype_and_memory_format()
    {
        using var x = torch.rand(2, 3, 4, 5);
        using var cl = x.to(MemoryFormat.ChannelsLast);
        Assert.That(cl.is_contiguous(MemoryFormat.ChannelsLast), Is.True);
        Assert.That(cl.is_contiguous(), Is.False);
        Assert.That(cl.stride(), Is.EqualTo(new long[] { 60, 1, 15, 3 }));
        Assert.That(cl.data<float>(), Is.EqualTo(x.data<float>()), "data<T> reads in logical order");
        using var d = x.to(ScalarType.Float64);
        Assert.That(d.dtype, Is.EqualTo(ScalarType.Float64));
        Assert.That(x.device, Is.EqualTo(Device.CPU));
    }

    [Test]
    public void Devices_parse_like_pytorch()
    {
        Assert.That(Device.Parse("cuda:1"), Is.EqualTo(new Device(DeviceType.CUDA, 1)));
        Assert.That(Device.Parse("cpu").ToString(), Is.EqualTo("cpu"));
        Assert.Throws<ArgumentException>(() => Device.Parse("tpu"));
    }

    [Test]
    public void Cuda_queries_answer_on_a_cpu_only_build()
    {
        if (torch.cuda.is_available()) Assert.That(torch.cuda.device_count(), Is.GreaterThan(0));
        else Assert.That(torch.cuda.device_count(), Is.Zero);
    }

    [Test]
    public void Threads_default_to_every_available_core()
    {
        var configured = new[] { "SEG_NUM_THREADS", "OMP_NUM_THREADS" }
            .Select(Environment.GetEnvironmentVariable)
            .Select(v => int.TryParse(v, out var n) && n > 0 ? n : 0)
            .FirstOrDefault(n => n > 0);
        Assert.That(torch.get_num_threads(), Is.EqualTo(configured > 0 ? configured : Environment.ProcessorCount));
        var before = torch.get_num_threads();
        torch.set_num_threads(1);
        Assert.That(torch.get_num_threads(), Is.EqualTo(1));
        torch.set_num_threads(before);
        Assert.Throws<ArgumentException>(() => torch.set_num_threads(0));
    }

    [Test]
    public void A_thread_count_set_by_the_user_survives_binding_more_entry_points()
    {
        var before = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            // First calls of entry points no other test uses: each makes the runtime resolve the library again.
            Assert.That(torch.parallel_info(), Does.Contain("ATen"));
            Assert.That(torch.get_num_interop_threads(), Is.GreaterThan(0));
            Assert.That(torch.get_num_threads(), Is.EqualTo(1));
        }
        finally
        {
            torch.set_num_threads(before);
        }
    }

    [Test]
    public void Grad_mode_scopes_nest_and_restore()
    {
        Assert.That(torch.is_grad_enabled(), Is.True);
        using (torch.no_grad())
        {
            Assert.That(torch.is_grad_enabled(), Is.False);
            using (torch.enable_grad()) Assert.That(torch.is_grad_enabled(), Is.True);
            Assert.That(torch.is_grad_enabled(), Is.False);
        }
        Assert.That(torch.is_grad_enabled(), Is.True);
        using (torch.inference_mode()) Assert.That(torch.is_inference_mode_enabled(), Is.True);
        Assert.That(torch.is_inference_mode_enabled(), Is.False);
    }
}
