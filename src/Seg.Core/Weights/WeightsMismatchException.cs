namespace Seg.Core.Weights;

/// <summary>Weights that must load completely (<c>--model_path</c>) but do not fit the model; the message names the keys.</summary>
public sealed class WeightsMismatchException : Exception
{
    public WeightsMismatchException() : base("the weights do not fit the model")
    {
    }

    public WeightsMismatchException(string message) : base(message)
    {
    }

    public WeightsMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
