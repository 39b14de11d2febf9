namespace Seg.Torch.Distributed;

/// <summary>c10d's reduction operators (its own codes). Gloo has no AVG: sum, then divide by the world size.</summary>
public enum ReduceOp
{
    SUM = 0,
    PRODUCT = 2,
    MIN = 3,
    MAX = 4,
}
