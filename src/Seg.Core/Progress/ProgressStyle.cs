namespace Seg.Core.Progress;

/// <summary>How a job shows its progress.</summary>
public enum ProgressStyle
{
    /// <summary>Plain lines in the output (redirected output, logs, tests, CI).</summary>
    Plain,

    /// <summary>A live bar redrawn in place, log lines printed above it (an interactive terminal).</summary>
    Live,
}
