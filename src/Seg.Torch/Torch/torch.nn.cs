namespace Seg.Torch;

public static partial class torch
{
    /// <summary>Layers (factories), init and functional ops, as torch.nn. Declared partial in each area's file.</summary>
    public static partial class nn
    {
        /// <summary>Stateless operations, as torch.nn.functional.</summary>
        public static partial class functional
        {
        }
    }
}
