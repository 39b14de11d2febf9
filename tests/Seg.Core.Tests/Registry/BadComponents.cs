using Seg.Core.Registry;

namespace Seg.Core.Tests.Registry;

[SegComponent("NoOptions", ComponentKind.Loss)]
public sealed class NoOptionsComponent
{
    public NoOptionsComponent(int size) => Size = size;

    public int Size { get; }
}

// Same kind and name as TestCELoss: registering both must fail.
[SegComponent("TestCELoss", ComponentKind.Loss)]
public sealed class OtherCELoss(TestCELossOptions options) : ITestLoss
{
    public TestCELossOptions Options { get; } = options;
}
