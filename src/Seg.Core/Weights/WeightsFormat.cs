namespace Seg.Core.Weights;

/// <summary>The weights formats Seg reads and writes.</summary>
public enum WeightsFormat
{
    /// <summary>Seg's own checkpoints (the Hugging Face format).</summary>
    SafeTensors,

    /// <summary>Paddle's <c>paddle.save</c> pickle of name → numpy array.</summary>
    Pdparams,

    /// <summary>PyTorch's <c>torch.save</c> zip (<c>.pth</c>/<c>.pt</c>).</summary>
    TorchZip,
}
