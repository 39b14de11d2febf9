using Seg.Core.Data.Checking;
using Seg.Core.Data.Loading;
using Seg.Torch;

namespace Seg.Core.Training;

/// <summary>
/// Checks a training batch's labels before the forward pass: a value outside <c>[0, num_classes)</c> that is not
/// <c>ignore_index</c> would otherwise surface as libtorch's "index 200 is out of bounds for dimension 1" (or a device
/// assert on a GPU) without naming the file. One fused comparison per batch; the files are examined only when it fires.
/// </summary>
public static class BatchLabelCheck
{
    /// <exception cref="LabelCheckException">Some label holds a value the loss cannot index; the message names the files and values.</exception>
    public static void Check(Batch batch, int numClasses, int ignoreIndex, int iteration)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Labels is not { } labels) return;
        using (var scope = torch.NewDisposeScope())
        {
            using var noGrad = torch.no_grad();
            var outside = labels.lt(0).logical_or(labels.ge(numClasses).logical_and(labels.ne(ignoreIndex)));
            if (!outside.any().item<bool>()) return;
        }
        var issues = new List<LabelIssue>();
        for (var i = 0; i < batch.Count; i++)
        {
            using var one = labels.select(0, i);
            using var cpu = one.cpu();
            if (LabelChecker.ValueProblem(cpu, numClasses, ignoreIndex) is { } problem)
                issues.Add(new LabelIssue(batch.Files[i].ImagePath, batch.Files[i].LabelPath ?? "?", problem));
        }
        throw new LabelCheckException(
            $"iter {iteration}: {string.Join("; ", issues)}. Fix the labels or set num_classes / ignore_index to match them; " +
            "`seg data check --config <config>` lists every such file");
    }
}
