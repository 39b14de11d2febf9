using Seg.Core.Config;
using Seg.Core.Registry;
using static Seg.Core.Tests.Registry.Cfg;

namespace Seg.Core.Tests.Registry;

public class BindingTests
{
    private ComponentRegistry registry = null!;

    [SetUp]
    public void SetUp()
    {
        BuildLog.Entries.Clear();
        registry = new ComponentRegistry();
        foreach (var t in new[] { typeof(TinyNet), typeof(TinySeg), typeof(TestCELoss), typeof(TestMixedLoss), typeof(TestRandomCrop), typeof(Exploding), typeof(TinyNetModel) })
            registry.Register(t);
    }

    [Test]
    public void Builds_a_model_with_its_backbone_first_and_binds_every_value_kind()
    {
        var model = M(1,
            ("type", S("TinySeg", 2)),
            ("backbone", M(3, ("type", S("TinyNet", 4)), ("in_channels", S(4L, 5)), ("layers", L(6, S(3L, 6), S(4L, 6), S(3L, 6))))),
            ("num_classes", S(19L, 7)),
            ("momentum", S(1L, 8)),
            ("weight_decay", S(5.0e-4, 9, "5.0e-4")),
            ("align_corners", S(true, 10)),
            ("pretrained", S(null, 11)),
            ("crop_size", L(12, S(512L, 12), S(1024L, 12))),
            ("resize_mode", S("nearest", 13)),
            ("scales", L(14, S(0.5, 14), S(1L, 14))),
            ("custom_cfg", M(15, ("lr_mult", S(0.1, 16)))),
            ("grad_clip_cfg", M(17, ("clip_norm", S(2L, 18)))),
            ("arm_out_chs", L(19, S(32L, 19), S(64L, 19))));

        var seg = registry.Build<ITestModel>(model, ComponentKind.Model, "model");

        Assert.That(BuildLog.Entries, Is.EqualTo(new[] { "TinyNet", "TinySeg" }));
        var o = ((TinySeg)seg).Options;
        var backbone = (TinyNet)o.Backbone;
        Assert.Multiple(() =>
        {
            Assert.That(backbone.Options.InChannels, Is.EqualTo(4));
            Assert.That(backbone.Options.Layers, Is.EqualTo(new[] { 3, 4, 3 }));
            Assert.That(o.NumClasses, Is.EqualTo(19));
            Assert.That(o.Momentum, Is.EqualTo(1.0f), "an int is accepted where a float is expected");
            Assert.That(o.WeightDecay, Is.EqualTo(5.0e-4));
            Assert.That(o.AlignCorners, Is.True);
            Assert.That(o.Pretrained, Is.Null);
            Assert.That(o.CropSize, Is.EqualTo((512, 1024)));
            Assert.That(o.ResizeMode, Is.EqualTo(TestInterp.Nearest));
            Assert.That(o.Scales, Is.EqualTo(new[] { 0.5, 1.0 }));
            Assert.That(((ConfigScalar)o.CustomCfg!["lr_mult"]).Value, Is.EqualTo(0.1));
            Assert.That(o.GradClipCfg, Is.EqualTo(new GradClipOptions { ClipNorm = 2f }));
            Assert.That(o.ArmOutChannels, Is.EqualTo(new[] { 32, 64 }));
        });
    }

    [Test]
    public void Keys_left_out_keep_the_options_defaults()
    {
        var seg = (TinySeg)registry.Build<ITestModel>(
            M(1, ("type", S("TinySeg", 1)), ("num_classes", S(2L, 2)), ("backbone", M(3, ("type", S("TinyNet", 3))))), ComponentKind.Model, "model");

        Assert.Multiple(() =>
        {
            Assert.That(seg.Options.Momentum, Is.EqualTo(0.9f));
            Assert.That(seg.Options.WeightDecay, Is.EqualTo(4.0e-5));
            Assert.That(seg.Options.ArmOutChannels, Is.EqualTo(new[] { 64, 96, 128 }));
            Assert.That(((TinyNet)seg.Options.Backbone).Options.Layers, Is.EqualTo(new[] { 2, 2 }));
        });
    }

    [Test]
    public void A_component_is_usable_from_code_without_any_config()
    {
        var seg = new TinySeg(new TinySegOptions { NumClasses = 2, Backbone = new TinyNet(new TinyNetOptions { InChannels = 1 }) });

        Assert.That(((TinyNet)seg.Options.Backbone).Options.InChannels, Is.EqualTo(1));
    }

    [Test]
    public void Lists_of_components_are_built_in_order_children_first()
    {
        var loss = M(1,
            ("type", S("TestMixedLoss", 1)),
            ("losses", L(2,
                M(3, ("type", S("TestCELoss", 3)), ("ignore_index", S(0L, 4))),
                M(5, ("type", S("TestCELoss", 5)), ("weight", L(6, S(1L, 6), S(0.5, 6)))))),
            ("coef", L(7, S(0.8, 7), S(0.2, 7))));

        var mixed = (TestMixedLoss)registry.Build<ITestLoss>(loss, ComponentKind.Loss, "loss.types[0]");

        Assert.That(BuildLog.Entries, Is.EqualTo(new[] { "TestCELoss(0)", "TestCELoss(255)", "TestMixedLoss" }));
        Assert.That(((TestCELoss)mixed.Options.Losses[1]).Options.Weight, Is.EqualTo(new[] { 1f, 0.5f }));
        Assert.That(mixed.Options.Coef, Is.EqualTo(new[] { 0.8f, 0.2f }));
    }

    [Test]
    public void Tuples_from_opts_bind_like_lists()
    {
        var crop = (TestRandomCrop)registry.Build<ITestTransform>(
            M(1, ("type", S("TestRandomCrop", 1)), ("crop_size", new ConfigList([S(512L, 0), S(512L, 0)], SourceLocation.CommandLine("--opts"), isTuple: true))),
            ComponentKind.Transform, "train_dataset.transforms[0]");

        Assert.That(crop.Options.CropSize, Is.EqualTo(new[] { 512, 512 }));
    }

    [Test]
    public void The_same_name_resolves_by_the_kind_the_position_expects()
    {
        var node = M(1, ("type", S("TinyNet", 1)));

        Assert.That(registry.Build<object>(node, ComponentKind.Model, "model"), Is.TypeOf<TinyNetModel>());
        Assert.That(registry.Build<object>(node, ComponentKind.Backbone, "model.backbone"), Is.TypeOf<TinyNet>());
    }

    [Test]
    public void Plain_records_bind_from_a_dict_without_type()
    {
        var clip = registry.Bind<GradClipOptions>(M(1, ("clip_norm", S(0.5, 1))), "optimizer.grad_clip_cfg");

        Assert.That(clip.ClipNorm, Is.EqualTo(0.5f));
    }
}
