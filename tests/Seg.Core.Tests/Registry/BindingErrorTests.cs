using Seg.Core.Config;
using Seg.Core.Registry;
using static Seg.Core.Tests.Registry.Cfg;

namespace Seg.Core.Tests.Registry;

public class BindingErrorTests
{
    private ComponentRegistry registry = null!;

    [SetUp]
    public void SetUp()
    {
        registry = new ComponentRegistry();
        foreach (var t in new[] { typeof(TinyNet), typeof(TinySeg), typeof(TestCELoss), typeof(TestMixedLoss), typeof(Exploding), typeof(TinyNetModel) })
            registry.Register(t);
    }

    private static ConfigMap Model(params (string, ConfigNode)[] extra) =>
        M(1, [("type", S("TinySeg", 2)), ("num_classes", S(19L, 3)), ("backbone", M(4, ("type", S("TinyNet", 5)))), .. extra]);

    private ConfigBindingException BuildFails(ConfigMap node, ComponentKind kind = ComponentKind.Model, string path = "model") =>
        Assert.Throws<ConfigBindingException>(() => registry.Build<object>(node, kind, path))!;

    [Test]
    public void Unknown_type_names_file_line_key_registered_names_and_a_suggestion()
    {
        var e = BuildFails(M(1, ("type", S("TinySeg", 2)), ("num_classes", S(2L, 3)), ("backbone", M(4, ("type", S("TinyNte", 5))))));

        Assert.That(e.Message, Does.StartWith($"{YamlFile}:5:3: model.backbone.type: unknown Backbone 'TinyNte'."));
        Assert.That(e.Message, Does.Contain("Did you mean 'TinyNet'?"));
        Assert.That(e.Message, Does.Contain("Registered Backbones: TinyNet."));
    }

    [Test]
    public void A_name_of_another_kind_says_what_it_is()
    {
        var e = BuildFails(M(1, ("type", S("TestCELoss", 7))), ComponentKind.Model);

        Assert.That(e.Message, Does.Contain("unknown Model 'TestCELoss'"));
        Assert.That(e.Message, Does.Contain("'TestCELoss' is a Loss in assembly Seg.Core.Tests"));
        Assert.That(e.Message, Does.Contain("Registered Models: TinyNet, TinySeg."));
    }

    [Test]
    public void Missing_type_lists_what_could_be_built()
    {
        var e = BuildFails(M(4, ("in_channels", S(3L, 5))), ComponentKind.Backbone, "model.backbone");

        Assert.That(e.Message, Is.EqualTo($"{YamlFile}:4:3: model.backbone: 'type' is missing: a Backbone needs 'type:' to say which component to build. Registered Backbones: TinyNet."));
    }

    [Test]
    public void Unknown_key_lists_the_allowed_keys_and_a_suggestion()
    {
        var e = BuildFails(Model(("num_clases", S(2L, 9))));

        Assert.That(e.Message, Does.StartWith($"{YamlFile}:9:3: model.num_clases: unknown key 'num_clases' for Model 'TinySeg'. Did you mean 'num_classes'?"));
        Assert.That(e.Message, Does.Contain("Allowed keys: num_classes, backbone, momentum, weight_decay, align_corners, pretrained, crop_size, resize_mode, scales, custom_cfg, grad_clip_cfg, arm_out_chs."));
    }

    [Test]
    public void Missing_required_key_names_it_and_its_type()
    {
        var e = BuildFails(M(1, ("type", S("TinySeg", 2)), ("backbone", M(4, ("type", S("TinyNet", 5))))));

        Assert.That(e.Message, Is.EqualTo($"{YamlFile}:1:3: model: Model 'TinySeg' needs the key 'num_classes' (int), which is missing."));
    }

    [TestCase("4e-5", "write 4.0e-5")]
    [TestCase("1e5", "write 1.0e+5")]
    [TestCase("1.0e5", "write 1.0e+5")]
    public void A_yaml11_string_where_a_float_belongs_says_what_to_write(string text, string advice)
    {
        var e = BuildFails(Model(("weight_decay", S(text, 9, text))));

        Assert.That(e.Message, Does.StartWith($"{YamlFile}:9:3: model.weight_decay: expected float, got str '{text}'."));
        Assert.That(e.Message, Does.Contain(advice));
    }

    [Test]
    public void A_float_where_an_int_belongs_is_refused()
    {
        var e = BuildFails(Model(("num_classes", S(19.0, 3, "19.0"))));

        Assert.That(e.Message, Is.EqualTo($"{YamlFile}:3:3: model.num_classes: expected int, got float 19.0; write 19."));
    }

    [Test]
    public void A_quoted_int_says_to_drop_the_quotes()
    {
        var e = BuildFails(Model(("num_classes", S("19", 3))));

        Assert.That(e.Message, Does.Contain("expected int, got str '19'. Write 19 without quotes."));
    }

    [Test]
    public void Bools_are_not_numbers_and_numbers_are_not_bools_or_strings()
    {
        Assert.That(BuildFails(Model(("momentum", S(true, 9)))).Message, Does.Contain("model.momentum: expected float, got bool true."));
        Assert.That(BuildFails(Model(("align_corners", S(1L, 9)))).Message, Does.Contain("model.align_corners: expected bool (true or false), got int 1."));
        Assert.That(BuildFails(Model(("pretrained", S(5L, 9)))).Message, Does.Contain("model.pretrained: expected str, got int 5"));
    }

    [Test]
    public void Wrong_shapes_are_reported_with_the_expected_type()
    {
        Assert.That(BuildFails(Model(("num_classes", L(3, S(1L, 3))))).Message, Does.EndWith("model.num_classes: expected int, got a list."));
        Assert.That(BuildFails(Model(("scales", S(1.0, 9, "1.0")))).Message, Does.EndWith("model.scales: expected list[float], got float 1.0."));
        Assert.That(BuildFails(Model(("crop_size", L(9, S(1L, 9))))).Message, Does.Contain("model.crop_size: expected tuple[int, int] (2 values"));
        Assert.That(BuildFails(Model(("scales", L(9, S(1.0, 9), S("x", 10))))).Message, Does.StartWith($"{YamlFile}:10:3: model.scales[1]: expected float, got str 'x'."));
    }

    [Test]
    public void Enum_spellings_are_listed()
    {
        var e = BuildFails(Model(("resize_mode", S("bilinera", 9))));

        Assert.That(e.Message, Does.EndWith("model.resize_mode: 'bilinera' is not allowed; write one of 'bilinear', 'nearest'. Did you mean 'bilinear'?"));
    }

    [Test]
    public void Null_is_refused_where_the_option_is_not_nullable()
    {
        var e = BuildFails(Model(("momentum", S(null, 9))));

        Assert.That(e.Message, Does.EndWith("model.momentum: null is not allowed here; expected float."));
    }

    [Test]
    public void Errors_inside_lists_of_components_name_the_element_path()
    {
        var loss = M(1, ("type", S("TestMixedLoss", 1)), ("coef", L(2, S(1L, 2))),
            ("losses", L(3, M(4, ("type", S("TestCELoss", 4))), M(5, ("type", S("TestCELoss", 5)), ("ignore_idx", S(1L, 6))))));

        var e = BuildFails(loss, ComponentKind.Loss, "loss.types[0]");

        Assert.That(e.Message, Does.StartWith($"{YamlFile}:6:3: loss.types[0].losses[1].ignore_idx: unknown key 'ignore_idx' for Loss 'TestCELoss'. Did you mean 'ignore_index'?"));
    }

    [Test]
    public void A_constructor_failure_is_reported_at_the_component()
    {
        var e = BuildFails(M(8, ("type", S("Exploding", 8)), ("size", S(-1L, 9))), ComponentKind.Transform, "train_dataset.transforms[2]");

        Assert.That(e.Message, Does.StartWith($"{YamlFile}:8:3: train_dataset.transforms[2]: building Transform 'Exploding' failed: size must be positive, got -1"));
        Assert.That(e.InnerException, Is.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Records_without_type_reject_unknown_keys_too()
    {
        var e = BuildFails(Model(("grad_clip_cfg", M(9, ("clip_norm", S(1L, 9)), ("norm_type", S(2L, 10))))));

        Assert.That(e.Message, Is.EqualTo($"{YamlFile}:10:3: model.grad_clip_cfg.norm_type: unknown key 'norm_type' for GradClipOptions. Allowed keys: clip_norm."));
    }
}
