namespace Seg.Core.Data.Checking;

/// <summary>One problem with one label file (the image it belongs to, the label, what is wrong).</summary>
public sealed record LabelIssue(string ImagePath, string LabelPath, string Problem)
{
    public override string ToString() => $"{LabelPath} (image {ImagePath}): {Problem}";
}
