using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// The YAML dump reloads to the same values and types.
public class WriterTests
{
    private const string Tricky = """
        floats: [1.0, 4.0e-05, 1.0e+16, -0.0, .inf, -.inf, 0.1, 123456.789]
        strings: ['yes', 'no', 'null', '', ' lead', 'trail ', '4e-5', '1e5', '017', '0o17', '1:30', 'a: b', 'x #y', '#c', '- d', "it's", 'a,b', '[x]', '2001-12-14', '=', '<<', 'y', '.5', 'true']
        multiline: "line1\nline2\ttab"
        ints: [0, -7, 9223372036854775807]
        bools: [true, false]
        nothing: null
        empty_list: []
        empty_map: {}
        nested: [[1, 2], [], [{a: 1}], {b: [3]}]
        tuple: !!python/tuple [0.75, 1.0]
        tuple_of_maps: !!python/tuple [{a: 1}]
        list_of_maps:
          - type: A
            sub: {x: [1, 2]}
          - {}
        'key with: colon': 1
        'yes': 2
        url: https://bj.bcebos.com/paddleseg/dygraph/STDCNet1.tar.gz
        """;

    [Test]
    public void TrickyValuesSurviveARoundTrip()
    {
        var tree = YamlConfigReader.ReadText(Tricky, "t.yml");
        var yaml = YamlConfigWriter.Write(tree);
        Assert.That(ConfigAssert.SameTyped(tree, YamlConfigReader.ReadText(yaml, "dump.yml")), Is.Null, yaml);
    }

    [Test]
    public void NanSurvivesARoundTrip()
    {
        var yaml = YamlConfigWriter.Write(YamlConfigReader.ReadText("v: .nan", "t.yml"));
        Assert.That(((ConfigScalar)YamlConfigReader.ReadText(yaml, "d.yml")["v"]).Value is double d && double.IsNaN(d), Is.True, yaml);
    }

    [TestCase(1.0, "1.0")]
    [TestCase(4e-05, "4.0e-05")]
    [TestCase(1e16, "1.0e+16")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(1.5e300, "1.5e+300")]
    [TestCase(123456789012345.6, "123456789012345.6")]
    [TestCase(0.00012, "0.00012")]
    [TestCase(1.2e-5, "1.2e-05")]
    [TestCase(5e-324, "5.0e-324")]
    [TestCase(1e15, "1000000000000000.0")]
    public void FloatsAlwaysHaveADot(double value, string expected) =>
        Assert.That(YamlConfigWriter.FormatFloat(value), Is.EqualTo(expected));

    [Test]
    public void LayoutIsBlockWithFlowScalarLists()
    {
        var tree = YamlConfigReader.ReadText("a: {b: [1, 2], c: [{type: X, k: 'on'}]}\nd: 0.5\n", "t.yml");
        Assert.That(YamlConfigWriter.Write(tree), Is.EqualTo("a:\n  b: [1, 2]\n  c:\n    - type: X\n      k: 'on'\nd: 0.5\n"));
    }

    [Test]
    public void CommandLineTuplesAndDictsAreWritten()
    {
        var config = YamlConfigReader.ReadText("test_config: {}\n", "t.yml");
        ConfigOverrideApplier.Apply(config, new ConfigOverrides { Opts = ["test_config.scales=0.75,1.0", "test_config.d={'a': (1, 'x')}"] });
        var yaml = YamlConfigWriter.Write(config);
        Assert.That(yaml, Does.Contain("scales: !!python/tuple [0.75, 1.0]"));
        Assert.That(ConfigAssert.SameTyped(config, YamlConfigReader.ReadText(yaml, "d.yml")), Is.Null, yaml);
    }
}
