namespace Seg.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss reduces over elements; the values are at::Reduction's codes.</summary>
        public enum Reduction
        {
            None = 0,
            Mean = 1,
            Sum = 2,
        }
    }
}
