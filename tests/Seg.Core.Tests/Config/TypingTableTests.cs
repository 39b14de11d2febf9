using System.Text.Json;
using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// Scalar typing against PyYAML 6.0 (FullLoader) and Python's ast.literal_eval, from the fixture tables.
public class TypingTableTests
{
    private static IEnumerable<TestCaseData> Table(string file) =>
        TypedJson.Load(Path.Combine(TestPaths.Fixtures, "config", file)).EnumerateArray()
            .Select(e => new TestCaseData(e.GetProperty("text").GetString(), e.GetProperty("value").GetRawText())
                .SetArgDisplayNames(JsonSerializer.Serialize(e.GetProperty("text").GetString())));

    private static IEnumerable<TestCaseData> YamlScalars() => Table("yaml11_scalars.json");

    private static IEnumerable<TestCaseData> Literals() => Table("literal_eval.json");

    [TestCaseSource(nameof(YamlScalars))]
    public void PlainScalarTypesLikePyYaml(string text, string expectedJson)
    {
        var map = YamlConfigReader.ReadText("v: " + text, "t.yml");
        using var expected = JsonDocument.Parse(expectedJson);
        TypedJson.AssertSame(expected.RootElement, map["v"]);
    }

    [TestCaseSource(nameof(Literals))]
    public void OptsValueTypesLikeLiteralEval(string text, string expectedJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        TypedJson.AssertSame(expected.RootElement, PythonLiteral.Evaluate(text));
    }

    [TestCase("'4e-5'")]
    [TestCase("\"yes\"")]
    [TestCase("'null'")]
    [TestCase("!!str 12")]
    public void QuotedOrStrTaggedScalarsAreStrings(string text) =>
        Assert.That(YamlConfigReader.ReadText("v: " + text, "t.yml")["v"], Is.InstanceOf<ConfigScalar>().With.Property("Value").InstanceOf<string>());

    [Test]
    public void ExplicitTagsConstructLikePyYaml()
    {
        var map = YamlConfigReader.ReadText("a: !!int '0x10'\nb: !!float '1'\nc: !!bool 'on'\nd: !!python/tuple [1, 2]\ne: !!null ''", "t.yml");
        Assert.Multiple(() =>
        {
            Assert.That(((ConfigScalar)map["a"]).Value, Is.EqualTo(16L));
            Assert.That(((ConfigScalar)map["b"]).Value, Is.EqualTo(1.0));
            Assert.That(((ConfigScalar)map["c"]).Value, Is.EqualTo(true));
            Assert.That(map["d"], Is.InstanceOf<ConfigList>().With.Property("IsTuple").True);
            Assert.That(((ConfigScalar)map["e"]).IsNull, Is.True);
        });
    }

    [Test]
    public void AnchorsAliasesAndMergeKeysFollowPyYaml()
    {
        var map = YamlConfigReader.ReadText("""
            a: &A {x: 0, y: 2}
            b: &B {y: 3, z: 4}
            c:
              <<: [*A, *B]
              x: 1
            d: *A
            """, "t.yml");
        var c = (ConfigMap)map["c"];
        Assert.Multiple(() =>
        {
            // flatten_mapping: later merge sources first, earlier sources and own keys override, first positions kept.
            Assert.That(c.Keys, Is.EqualTo(new[] { "y", "z", "x" }));
            Assert.That(((ConfigScalar)c["x"]).Value, Is.EqualTo(1L));
            Assert.That(((ConfigScalar)c["y"]).Value, Is.EqualTo(2L));
            Assert.That(ConfigAssert.SameTyped(map["a"], map["d"]), Is.Null);
            Assert.That(map["d"], Is.Not.SameAs(map["a"]));
        });
    }

    [Test]
    public void EveryNodeKnowsItsFileLineAndColumn()
    {
        var map = YamlConfigReader.ReadText("model:\n  type: X\n  sizes: [1, 2]\n", "m.yml");
        var sizes = (ConfigList)ConfigAssert.At(map, "model.sizes");
        Assert.Multiple(() =>
        {
            Assert.That(ConfigAssert.At(map, "model.type").Location, Is.EqualTo(new SourceLocation("m.yml", 2, 9)));
            Assert.That(sizes.Location, Is.EqualTo(new SourceLocation("m.yml", 3, 10)));
            Assert.That(sizes.Items[1].Location, Is.EqualTo(new SourceLocation("m.yml", 3, 14)));
        });
    }

    [TestCase("", "empty")]
    [TestCase("- a\n- b", "mapping")]
    [TestCase("a: 1\n---\nb: 2", "single YAML document")]
    [TestCase("a: [1, 2", "invalid YAML")]
    [TestCase("a: =", "quote it")]
    [TestCase("a: !!binary aGk=", "unsupported YAML tag")]
    [TestCase("a: *nope", "no anchor")]
    public void BadYamlIsAClearErrorWithTheFile(string yaml, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => YamlConfigReader.ReadText(yaml, "bad.yml"));
        Assert.That(e.Message, Does.StartWith("bad.yml:").And.Contain(expected));
    }
}
