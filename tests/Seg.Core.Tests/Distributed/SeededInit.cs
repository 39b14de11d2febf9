namespace Seg.Core.Tests.Distributed;

// In-process ranks are threads of one process, and torch.manual_seed sets a process-wide generator: models that
// seed and initialise take this lock so two ranks' draws never interleave.
internal static class SeededInit
{
    internal static readonly object Gate = new();
}
