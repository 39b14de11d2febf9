using Seg.Core.Registry;

namespace Seg.Core.Tests.Registry;

public class RegistrationTests
{
    [Test]
    public void Registration_reads_name_kind_and_options_type()
    {
        var r = new ComponentRegistry().Register(typeof(TinySeg));

        Assert.That((r.Name, r.Kind, r.OptionsType), Is.EqualTo(("TinySeg", ComponentKind.Model, typeof(TinySegOptions))));
    }

    [Test]
    public void The_same_kind_and_name_twice_is_an_error_naming_both_classes_and_assemblies()
    {
        var registry = new ComponentRegistry();
        registry.Register(typeof(TestCELoss));

        var e = Assert.Throws<DuplicateComponentException>(() => registry.Register(typeof(OtherCELoss)))!;

        Assert.That(e.Message, Does.StartWith("Loss 'TestCELoss' is registered twice: by Seg.Core.Tests.Registry.TestCELoss in assembly Seg.Core.Tests ("));
        Assert.That(e.Message, Does.Contain("and by Seg.Core.Tests.Registry.OtherCELoss in assembly Seg.Core.Tests ("));
    }

    [Test]
    public void Registering_the_same_class_again_is_harmless()
    {
        var registry = new ComponentRegistry();
        registry.Register(typeof(TestCELoss));
        registry.Register(typeof(TestCELoss));

        Assert.That(registry.All, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_component_without_an_options_constructor_is_a_definition_error()
    {
        var e = Assert.Throws<ComponentDefinitionException>(() => new ComponentRegistry().Register(typeof(NoOptionsComponent)))!;

        Assert.That(e.Message, Does.Contain("NoOptionsComponent (component 'NoOptions' in assembly Seg.Core.Tests) needs a public constructor taking one options object"));
    }

    [TestCase("NumClasses", "num_classes")]
    [TestCase("ASPPRatios", "aspp_ratios")]
    [TestCase("InChannels", "in_channels")]
    [TestCase("Stage2Channels", "stage2_channels")]
    [TestCase("Pretrained", "pretrained")]
    public void Property_names_map_to_snake_case_keys(string property, string key) =>
        Assert.That(KeyNames.ToSnakeCase(property), Is.EqualTo(key));
}
