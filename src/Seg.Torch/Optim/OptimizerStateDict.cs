using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Seg.Torch.Optim;

/// <summary>
/// A snapshot of an optimizer for resuming (PyTorch's layout): per-parameter state keyed by the
/// parameter's index across all groups ("3.exp_avg", "3.step"), and each group's options with the indices
/// of its parameters. The tensors are copies owned by this object: dispose it.
/// </summary>
public sealed class OptimizerStateDict : IDisposable
{
    public OptimizerStateDict(string optimizer, OrderedDictionary<string, Tensor> state, IReadOnlyList<ParamGroupState> param_groups)
    {
        this.optimizer = optimizer;
        this.state = state;
        this.param_groups = param_groups;
    }

    /// <summary>The optimizer's type name (checked on load).</summary>
    public string optimizer { get; }

    public OrderedDictionary<string, Tensor> state { get; }

    public IReadOnlyList<ParamGroupState> param_groups { get; }

    private const string MetaFormat = "format";
    private const string FormatName = "seg.optimizer.v1";

    /// <summary>Writes the state tensors to a safetensors file, with the optimizer name and the groups'
    /// hyper-parameters as JSON in its metadata.</summary>
    public void save(string path)
    {
        var groups = new JsonArray();
        foreach (var g in param_groups)
        {
            var o = new JsonObject();
            foreach (var (k, v) in g.options) o[k] = v;
            o["params"] = new JsonArray(g.@params.Select(i => (JsonNode)i).ToArray());
            groups.Add(o);
        }
        var meta = new Dictionary<string, string>
        {
            [MetaFormat] = FormatName,
            ["optimizer"] = optimizer,
            ["param_groups"] = groups.ToJsonString(),
        };
        SafeTensors.Save(path, state, meta);
    }

    public static OptimizerStateDict load(string path)
    {
        var file = SafeTensors.Load(path);
        try
        {
            if (!file.Metadata.TryGetValue(MetaFormat, out var f) || f != FormatName)
                throw new InvalidDataException($"{path} is not an optimizer state file (no {MetaFormat}={FormatName} in its metadata)");
            var groups = new List<ParamGroupState>();
            foreach (var node in JsonNode.Parse(file.Metadata["param_groups"])!.AsArray())
            {
                var o = node!.AsObject();
                var options = new Dictionary<string, double>(StringComparer.Ordinal);
                int[] ids = [];
                foreach (var (k, v) in o)
                {
                    if (k == "params") ids = v!.AsArray().Select(x => x!.GetValue<int>()).ToArray();
                    else options[k] = v!.GetValue<double>();
                }
                groups.Add(new ParamGroupState(options, ids));
            }
            var state = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var (k, t) in file.Tensors) state[k] = t;
            return new OptimizerStateDict(file.Metadata["optimizer"], state, groups);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            file.Dispose();
            throw new InvalidDataException($"{path}: malformed optimizer state: {e.Message}", e);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    internal static string Key(int index, string name) => index.ToString(CultureInfo.InvariantCulture) + "." + name;

    public void Dispose()
    {
        foreach (var t in state.Values) t.Dispose();
        state.Clear();
    }
}

/// <summary>A parameter group's options and the indices of its parameters in the state dict.</summary>
public sealed record ParamGroupState(IReadOnlyDictionary<string, double> options, IReadOnlyList<int> @params);
