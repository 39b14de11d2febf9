namespace Seg.Core.Training;

/// <summary>A live view of the run (the CLI shows a progress bar when stdout is a terminal); all calls come from the training thread.</summary>
public interface ITrainingProgress : IDisposable
{
    void Start(int startIteration, int iters);

    void Report(int iteration, double loss, double learningRate);
}
