namespace Seg.Core.Weights.Pickle;

/// <summary>
/// The shared half of an allowlist: the named globals, refusal messages, and <c>collections.OrderedDict</c> (a
/// container only: called with nothing or with key/value pairs, built with an attribute dict that is ignored).
/// </summary>
internal abstract class AllowedGlobals : IPickleGlobals
{
    private const string OrderedDict = "collections.OrderedDict";
    private readonly HashSet<string> allowed;

    protected AllowedGlobals(string kind, IEnumerable<string> names)
    {
        Kind = kind;
        allowed = [.. names, OrderedDict];
    }

    /// <summary>What the file is, for messages (<c>a .pdparams file</c>).</summary>
    protected string Kind { get; }

    public PyGlobal Find(string module, string name)
    {
        var full = $"{module}.{name}";
        if (allowed.Contains(full)) return new PyGlobal(module, name);
        throw new PickleRefusal(
            $"global {full} is refused: {Kind} may only name {string.Join(", ", allowed.Order(StringComparer.Ordinal))} (Seg never runs code from a weights file)",
            full);
    }

    public object? Call(PyGlobal callable, PyTuple args)
    {
        ArgumentNullException.ThrowIfNull(callable);
        ArgumentNullException.ThrowIfNull(args);
        return callable.FullName == OrderedDict ? NewOrderedDict(args) : CallAllowed(callable, args);
    }

    public object? Build(object? target, object? state)
    {
        // An OrderedDict's instance attributes (PyTorch's state_dict._metadata) are kept by Python but not needed here.
        if (target is PyDict { IsOrderedDict: true } && state is null or PyDict) return target;
        return BuildAllowed(target, state);
    }

    public virtual object? PersistentLoad(object? pid) =>
        throw new PickleRefusal($"BINPERSID (a persistent id) is refused: {Kind} has none");

    protected abstract object? CallAllowed(PyGlobal callable, PyTuple args);

    protected virtual object? BuildAllowed(object? target, object? state) =>
        throw new PickleRefusal($"BUILD of {PickleMachine.Describe(target)} is refused: {Kind} only builds known objects");

    protected static PickleRefusal BadArgs(PyGlobal callable, string expected, PyTuple args) =>
        new($"{callable.FullName} called with ({string.Join(", ", args.Items.Select(PickleMachine.Describe))}); expected {expected}", callable.FullName);

    private static PyDict NewOrderedDict(PyTuple args)
    {
        var dict = new PyDict(true);
        if (args.Count == 0) return dict;
        if (args.Count != 1 || args[0] is not List<object?> pairs)
            throw new PickleRefusal($"{OrderedDict} called with {args.Count} arguments; expected none or a list of pairs", OrderedDict);
        foreach (var pair in pairs)
        {
            var kv = pair switch
            {
                PyTuple { Count: 2 } t => t.Items,
                List<object?> { Count: 2 } l => [l[0], l[1]],
                _ => throw new PickleRefusal($"{OrderedDict} given {PickleMachine.Describe(pair)} where a (key, value) pair belongs", OrderedDict),
            };
            dict.Set(kv[0], kv[1]);
        }
        return dict;
    }
}
