namespace Seg.TestSupport;

/// <summary>
/// NUnit categories that <c>test.sh</c> filters on: tests that need what a machine may lack are excluded there
/// (and counted as not run) instead of ignoring themselves at run time.
/// </summary>
public static class TestCategories
{
    /// <summary>Needs a CUDA device; test.sh runs these only where <c>nvidia-smi -L</c> lists one.</summary>
    public const string Cuda = "Cuda";

    /// <summary>Takes more than a few seconds (end-to-end runs of the seg command); <c>--filter "TestCategory!=Slow"</c> skips them.</summary>
    public const string Slow = "Slow";

    /// <summary>Reads <c>../shared</c> (reference configs, manifests, CamVid); test.sh excludes these where it is missing.</summary>
    public const string NeedsShared = "NeedsShared";
}
