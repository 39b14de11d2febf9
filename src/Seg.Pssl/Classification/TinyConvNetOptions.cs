using Seg.Core.Registry;

namespace Seg.Pssl.Classification;

/// <summary>The YAML keys of <c>type: TinyConvNet</c>.</summary>
public sealed record TinyConvNetOptions : IValidatedOptions
{
    /// <summary>Output channels of each stage; every stage halves the resolution.</summary>
    public IReadOnlyList<long> Channels { get; init; } = [16, 32, 64, 64];

    public long InChannels { get; init; } = 3;

    public string? Pretrained { get; init; }

    public (string Key, string Reason)? Validate() =>
        Channels.Count == 0 || Channels.Any(c => c < 1) ? ("channels", $"needs at least one positive channel count, got [{string.Join(", ", Channels)}].") : null;
}
