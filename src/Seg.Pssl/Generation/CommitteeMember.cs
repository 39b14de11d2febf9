using Seg.Pssl.Classification;

namespace Seg.Pssl.Generation;

/// <summary>One classifier of the committee and its name (its config file) for messages.</summary>
public sealed record CommitteeMember(string Name, IImageClassifier Model);
