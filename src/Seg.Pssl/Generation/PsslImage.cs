namespace Seg.Pssl.Generation;

/// <summary>One source image: its path, its path relative to the image root (<c>train/&lt;synset&gt;/&lt;name&gt;.JPEG</c>), its synset and class id.</summary>
public sealed record PsslImage(string ImagePath, string RelativePath, string Synset, int ClassId)
{
    /// <summary>The label's path relative to the PSSL root: <c>train/&lt;synset&gt;/&lt;name&gt;.JPEG_eiseg.npz</c>.</summary>
    public string LabelRelativePath => RelativePath + "_eiseg.npz";
}
