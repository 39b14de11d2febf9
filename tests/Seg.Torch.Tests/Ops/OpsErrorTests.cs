namespace Seg.Torch.Tests.Ops;

// Failing ops raise typed exceptions with libtorch's own message (as PyTorch prints it) and leak nothing.
[NonParallelizable]
public class OpsErrorTests
{
    public sealed record ErrorCase(string Name, Func<object> Op, Type Exception, string Message)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<ErrorCase> Cases()
    {
        yield return new("cat of mismatched shapes", () => torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)]), typeof(TorchException),
            "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.");
        yield return new("view of a non-contiguous tensor", () => torch.zeros(2, 3).t().view(6), typeof(TorchException),
            "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        yield return new("broadcast mismatch", () => torch.zeros(2) + torch.zeros(4), typeof(TorchException),
            "The size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 0");
        yield return new("mm of mismatched shapes", () => torch.zeros(2, 3).mm(torch.zeros(4, 5)), typeof(TorchException),
            "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
        yield return new("select out of range", () => torch.zeros(3).select(0, 5), typeof(TorchIndexException),
            "select(): index 5 out of range for tensor of size [3] at dimension 0");
        yield return new("indexer out of range", () => torch.zeros(3, 2)[3], typeof(TorchIndexException),
            "select(): index 3 out of range for tensor of size [3, 2] at dimension 0");
        yield return new("dim out of range", () => torch.zeros(2, 3).sum(2), typeof(TorchIndexException),
            "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        yield return new("unknown rounding mode", () => torch.zeros(3).div(2, "round"), typeof(ArgumentException),
            "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'");
        yield return new("clamp without bounds", () => torch.zeros(3).clamp(), typeof(TorchException),
            "At least one of 'min' or 'max' must not be None");
        yield return new("stack of different shapes", () => torch.stack([torch.zeros(2), torch.zeros(3)]), typeof(TorchException),
            "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1");
        yield return new("reflect pad wider than the input", () => torch.nn.functional.pad(torch.zeros(1, 1, 3), [3, 0], PaddingModes.Reflect), typeof(TorchException),
            "Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 0) at dimension 2 of input [1, 1, 3]");
        yield return new("gather with an index of another rank", () => torch.zeros(2, 3).gather(1, torch.zeros([2], ScalarType.Int64)), typeof(TorchException),
            "Index tensor must have the same number of dimensions as input tensor");
    }

    [TestCaseSource(nameof(Cases))]
    public void Raises_libtorchs_message_and_leaks_nothing(ErrorCase c)
    {
        var before = OpsAssert.SettledLiveCount();
        using (torch.NewDisposeScope())
        {
            var e = Assert.Throws(c.Exception, () => c.Op())!;
            Assert.That(e.Message, Does.Contain(c.Message));
        }
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(before));
        using var fine = torch.ones(2) + 1;
        Assert.That(fine.data<float>(), Is.EqualTo(new[] { 2f, 2f }), "the process goes on");
    }

    [Test]
    public void Null_and_disposed_arguments_are_rejected_before_reaching_libtorch()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(2);
        Assert.Throws<ArgumentNullException>(() => x.add(null!));
        Assert.Throws<ArgumentNullException>(() => _ = x + (Tensor)null!);
        Assert.Throws<ArgumentNullException>(() => torch.cat(null!));
        var gone = torch.ones(2);
        gone.Dispose();
        Assert.Throws<ObjectDisposedException>(() => x.mul(gone));
        Assert.Throws<ObjectDisposedException>(() => torch.where(x.gt(0), gone, 1.0));
        Assert.Throws<ObjectDisposedException>(() => torch.cat([x, gone]));
    }
}
