using Seg.Core.Prediction;

namespace Seg.Core.Tests.Prediction;

// PaddleSeg's get_image_list rules (spec §9.1) on a temporary tree.
public class ImageDiscoveryTests
{
    private string root = null!;

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("seg-discover-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        return path;
    }

    [Test]
    public void A_folder_is_searched_recursively_for_the_accepted_suffixes()
    {
        string[] kept = ["a.png", "b.JPEG", "c.jpeg", "d.JPG", "e.jpg", "f.BMP", "g.bmp", "h.PNG", "sub/deep/i.png", ".hidden_dir/j.png"];
        foreach (var f in kept) Touch(f);
        foreach (var f in new[] { ".hidden.png", "notes.txt", "k.tif", "l.Png", "sub/.ipynb_checkpoints/m.png", ".ipynb_checkpoints/n.jpg" }) Touch(f);

        var list = ImageDiscovery.Find(root);

        Assert.That(list.ImageDir, Is.EqualTo(root));
        Assert.That(list.Images.Select(p => Path.GetRelativePath(root, p)), Is.EquivalentTo(kept));
        Assert.That(list.Images, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(list.RelativeName(Path.Combine(root, "sub", "deep", "i.png")), Is.EqualTo(Path.Combine("sub", "deep", "i.png")));
    }

    [Test]
    public void One_image_has_no_image_folder_and_keeps_its_file_name()
    {
        var image = Touch("x/one.jpg");

        var list = ImageDiscovery.Find(image);

        Assert.That(list.Images, Is.EqualTo(new[] { image }));
        Assert.That(list.ImageDir, Is.Null);
        Assert.That(list.RelativeName(image), Is.EqualTo("one.jpg"));
    }

    [Test]
    public void A_list_file_names_images_by_first_token_relative_to_its_folder()
    {
        Touch("lists/imgs/a.png");
        Touch("lists/imgs/b.jpg");
        var listFile = Path.Combine(root, "lists", "test.txt");
        File.WriteAllText(listFile, "imgs/a.png labels/a.png\n\n  imgs/b.jpg\n");

        var list = ImageDiscovery.Find(listFile);

        Assert.That(list.ImageDir, Is.EqualTo(Path.Combine(root, "lists")));
        Assert.That(list.Images, Is.EqualTo(new[] { Path.Combine(root, "lists", "imgs", "a.png"), Path.Combine(root, "lists", "imgs", "b.jpg") }));
        Assert.That(list.RelativeName(list.Images[1]), Is.EqualTo(Path.Combine("imgs", "b.jpg")));
    }

    [Test]
    public void Nothing_found_missing_path_and_missing_listed_image_are_clear_errors()
    {
        Touch("empty/readme.md");
        var listFile = Path.Combine(root, "list.txt");
        File.WriteAllText(listFile, "a.png\nnope.png\n");
        Touch("a.png");

        Assert.That(() => ImageDiscovery.Find(Path.Combine(root, "empty")),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("There are not image file in `--image_path`"));
        Assert.That(() => ImageDiscovery.Find(Path.Combine(root, "absent")),
            Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("`--image_path` is not found"));
        Assert.That(() => ImageDiscovery.Find(listFile),
            Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("line 2").And.Message.Contains("nope.png"));
    }
}
