namespace Seg.Torch.Tests.Core;

// A libtorch failure becomes a .NET exception with libtorch's message, and the process goes on.
public class ErrorTests
{
    [Test]
    public void Negative_dimension_raises_libtorchs_message_and_process_continues()
    {
        var e = Assert.Throws<TorchException>(() => torch.zeros(2, -1))!;
        Assert.That(e.Message, Does.Contain("negative dimension -1"));
        Assert.That(e.Message, Does.Not.Contain("frame #"), "the message has no C++ backtrace in it");
        using var ok = torch.ones(2, 2);
        Assert.That(ok.numel(), Is.EqualTo(4));
    }

    [TestCase(0, typeof(TorchException), "c10::Error")]
    [TestCase(1, typeof(TorchIndexException), "IndexError")]
    [TestCase(2, typeof(TorchException), "std::runtime_error")]
    [TestCase(3, typeof(TorchException), "unknown C++ exception")]
    public void Every_cpp_exception_kind_is_caught_at_the_boundary(int what, Type expected, string text)
    {
        var rc = Seg.Torch.Native.LibSegNative.seg_debug_throw(what);
        Assert.That(rc, Is.Not.Zero);
        var e = Seg.Torch.Native.NativeError.Last(rc);
        Assert.That(e, Is.InstanceOf(expected));
        Assert.That(e.Message, Does.Contain(text));
    }

    [Test]
    public void Error_state_is_per_thread()
    {
        var rc = Seg.Torch.Native.LibSegNative.seg_debug_throw(1);
        string? other = null;
        var thread = new Thread(() =>
        {
            var rc2 = Seg.Torch.Native.LibSegNative.seg_debug_throw(2);
            other = Seg.Torch.Native.NativeError.Last(rc2).Message;
        });
        thread.Start();
        thread.Join();
        Assert.That(other, Does.Contain("runtime_error"));
        Assert.That(Seg.Torch.Native.NativeError.Last(rc).Message, Does.Contain("IndexError"));
    }

    [Test]
    public void Using_a_disposed_tensor_throws_ObjectDisposedException()
    {
        var t = torch.ones(3);
        t.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = t.shape);
    }
}
