namespace Seg.Torch.Tests.Ops;

// PyTorch's type promotion and broadcasting rules (the values are covered by the fixture tests).
public class PromotionTests
{
    [TestCase(ScalarType.Int64, ScalarType.Int64, ScalarType.Int64)]
    [TestCase(ScalarType.Int32, ScalarType.Int64, ScalarType.Int64)]
    [TestCase(ScalarType.Byte, ScalarType.Int8, ScalarType.Int16)]
    [TestCase(ScalarType.Int64, ScalarType.Float32, ScalarType.Float32)]
    [TestCase(ScalarType.Float16, ScalarType.Float32, ScalarType.Float32)]
    [TestCase(ScalarType.BFloat16, ScalarType.Float16, ScalarType.Float32)]
    [TestCase(ScalarType.Float32, ScalarType.Float64, ScalarType.Float64)]
    [TestCase(ScalarType.Bool, ScalarType.Int32, ScalarType.Int32)]
    public void Tensor_plus_tensor_promotes_like_pytorch(ScalarType a, ScalarType b, ScalarType result)
    {
        using var scope = torch.NewDisposeScope();
        Assert.That((torch.ones([2], a) + torch.ones([2], b)).dtype, Is.EqualTo(result));
    }

    [Test]
    public void Scalars_promote_only_across_categories()
    {
        using var scope = torch.NewDisposeScope();
        var i32 = torch.ones([2], ScalarType.Int32);
        Assert.That((i32 + 2).dtype, Is.EqualTo(ScalarType.Int32), "int tensor + int scalar stays int");
        Assert.That((i32 * 2L).dtype, Is.EqualTo(ScalarType.Int32));
        Assert.That((i32 + 2.0).dtype, Is.EqualTo(ScalarType.Float32), "int tensor + float scalar -> default float");
        Assert.That((2.0 - i32).dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That((torch.ones([2], ScalarType.Float16) + 2.0).dtype, Is.EqualTo(ScalarType.Float16), "float16 + float scalar stays float16");
        Assert.That((torch.ones([2], ScalarType.Byte) + 300).data<byte>(), Is.EqualTo(new byte[] { 45, 45 }), "uint8 wraps like PyTorch");
        Assert.That((torch.ones([2], ScalarType.Bool) + true).dtype, Is.EqualTo(ScalarType.Bool));
    }

    [Test]
    public void Division_and_comparisons_pick_pytorchs_result_types()
    {
        using var scope = torch.NewDisposeScope();
        var i = torch.tensor(new long[] { 7, -7 });
        Assert.That((i / 2).dtype, Is.EqualTo(ScalarType.Float32), "true division of ints is float");
        Assert.That((i / 2).data<float>(), Is.EqualTo(new[] { 3.5f, -3.5f }));
        Assert.That(i.div(2, "floor").data<long>(), Is.EqualTo(new long[] { 3, -4 }));
        Assert.That(i.div(2, "trunc").data<long>(), Is.EqualTo(new long[] { 3, -3 }));
        Assert.That((i % 3).data<long>(), Is.EqualTo(new long[] { 1, 2 }), "remainder takes the divisor's sign");
        Assert.That(i.gt(0).dtype, Is.EqualTo(ScalarType.Bool));
        Assert.That(torch.ones([2], ScalarType.Int32).sum().dtype, Is.EqualTo(ScalarType.Int64), "integer sums accumulate in int64");
        Assert.That(torch.ones([2], ScalarType.Bool).sum().item<long>(), Is.EqualTo(2));
        Assert.That(i.argmax().dtype, Is.EqualTo(ScalarType.Int64));
    }

    [Test]
    public void Broadcasting_follows_numpy_rules()
    {
        using var scope = torch.NewDisposeScope();
        var col = torch.arange(3).reshape(3, 1);
        var row = torch.arange(4).reshape(1, 4);
        var grid = col * 10 + row;
        Assert.That(grid.shape, Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(grid.data<long>(), Is.EqualTo(new long[] { 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23 }));
        Assert.That((torch.ones(2, 1, 4) * torch.ones(3, 1)).shape, Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That((torch.ones(2, 3) + torch.scalar_tensor(1.0)).shape, Is.EqualTo(new long[] { 2, 3 }));
    }

    [Test]
    public void Mean_of_an_integer_tensor_needs_a_dtype()
    {
        using var scope = torch.NewDisposeScope();
        var i = torch.tensor(new long[] { 1, 2 });
        var e = Assert.Throws<TorchException>(() => i.mean())!;
        Assert.That(e.Message, Does.Contain("mean(): could not infer output dtype"));
        Assert.That(i.mean(ScalarType.Float64).item<double>(), Is.EqualTo(1.5));
    }
}

// Overload resolution: a literal 0 is a dim (not ScalarType 0 = Byte).
public class OverloadTests
{
    [Test]
    public void Literal_zero_is_a_dim()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(2, 3);
        Assert.That(x.sum(0).shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(x.sum(0L).shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(x.sum().shape, Is.Empty);
        Assert.That(x.sum(ScalarType.Float64).dtype, Is.EqualTo(ScalarType.Float64));
        Assert.That(torch.mean(x, 1).shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(torch.prod(x, 0).shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(x.mean(0).shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(x.prod(0).shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(torch.sum(x, 0).shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(x.argmax(0).shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(x.cumsum(0).shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(x.softmax(0).shape, Is.EqualTo(new long[] { 2, 3 }));
    }
}
