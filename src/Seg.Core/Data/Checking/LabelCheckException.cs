namespace Seg.Core.Data.Checking;

/// <summary>Labels that training cannot use; the message lists them file by file.</summary>
public sealed class LabelCheckException : Exception
{
    public LabelCheckException() { }

    public LabelCheckException(string message) : base(message) { }

    public LabelCheckException(string message, Exception inner) : base(message, inner) { }

    public LabelCheckException(IReadOnlyList<LabelIssue> issues, int numClasses, int ignoreIndex)
        : base(LabelChecker.Describe(issues, numClasses, ignoreIndex)) => Issues = issues;

    public IReadOnlyList<LabelIssue> Issues { get; } = [];
}
