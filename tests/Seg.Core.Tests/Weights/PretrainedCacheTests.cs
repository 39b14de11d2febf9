using Seg.Core.Weights;
using Seg.Torch;

namespace Seg.Core.Tests.Weights;

// PaddleSeg's download cache layout (spec §6.3) under SEG_HOME: found when there, the exact path when not; never downloaded.
[NonParallelizable]
public class PretrainedCacheTests
{
    private string home = "";
    private string? previous;

    [SetUp]
    public void SetHome()
    {
        home = Directory.CreateTempSubdirectory("seg-home-").FullName;
        previous = Environment.GetEnvironmentVariable("SEG_HOME");
        Environment.SetEnvironmentVariable("SEG_HOME", home);
    }

    [TearDown]
    public void RestoreHome()
    {
        Environment.SetEnvironmentVariable("SEG_HOME", previous);
        Directory.Delete(home, recursive: true);
    }

    [TestCase("https://bj.bcebos.com/paddleseg/dygraph/PP_STDCNet2.tar.gz", "PP_STDCNet2/model.pdparams")]
    [TestCase("https://bj.bcebos.com/paddleseg/dygraph/STDCNet1.tgz", "STDCNet1/model.pdparams")]
    [TestCase("https://bj.bcebos.com/paddleseg/dygraph/hrnet_w18_ssld.zip", "hrnet_w18_ssld/model.pdparams")]
    [TestCase("https://paddleseg.bj.bcebos.com/dygraph/pssl/stdc2_pssl_pretrained/model.pdparams", "stdc2_pssl_pretrained/model.pdparams")]
    [TestCase("https://example.com/a%20b/weights%2Bv2.pdparams", "a b/weights+v2.pdparams")]
    public void A_url_maps_to_paddlesegs_cache_path(string url, string relative)
    {
        var (file, _) = PretrainedCache.Locations(url);
        Assert.That(file, Is.EqualTo(Path.Combine(home, "pretrained_model", relative)));
    }

    [Test]
    public void A_missing_url_names_the_exact_path_and_nothing_is_created()
    {
        const string url = "https://bj.bcebos.com/paddleseg/dygraph/PP_STDCNet2.tar.gz";
        var e = Assert.Throws<FileNotFoundException>(() => WeightsLoader.Load(url))!;
        Assert.That(e.Message, Does.Contain(url).And.Contain("never downloads")
            .And.Contain(Path.Combine(home, "pretrained_model", "PP_STDCNet2", "model.pdparams"))
            .And.Contain(Path.Combine(home, "pretrained_model", "PP_STDCNet2", "PP_STDCNet2.tar.gz")));
        Assert.That(Directory.GetFileSystemEntries(home), Is.Empty);
    }

    [Test]
    public void A_cached_model_pdparams_or_the_downloaded_archive_loads()
    {
        var cached = Path.Combine(home, "pretrained_model", "PP_Test", "model.pdparams");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        var fixtures = Path.Combine(TestPaths.Fixtures, "weights");
        File.Copy(Path.Combine(fixtures, "zoo.tar.gz"), Path.Combine(home, "pretrained_model", "PP_Test", "PP_Test.tar.gz"));

        using (var fromArchive = WeightsLoader.Load("https://bj.bcebos.com/paddleseg/dygraph/PP_Test.tar.gz"))
            Assert.That(fromArchive.Source, Does.EndWith("PP_Test.tar.gz!PP_Test/model.pdparams"));
        File.Copy(Path.Combine(fixtures, "small_p4.pdparams"), cached);
        using var weights = WeightsLoader.Load("https://bj.bcebos.com/paddleseg/dygraph/PP_Test.tar.gz");
        Assert.That(weights.Source, Is.EqualTo(cached));
        Assert.That(weights.Tensors[0].Value.dtype, Is.EqualTo(ScalarType.Float32));
    }
}
