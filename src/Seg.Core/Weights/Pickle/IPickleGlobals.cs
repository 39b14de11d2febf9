namespace Seg.Core.Weights.Pickle;

/// <summary>
/// What a pickle may name and call: the allowlist behind GLOBAL, REDUCE, BUILD and BINPERSID. Every method either
/// returns plain data or throws <see cref="PickleRefusal"/>; none of them runs anything the file chose.
/// </summary>
internal interface IPickleGlobals
{
    /// <summary>GLOBAL module.name: the accepted global, or a refusal.</summary>
    PyGlobal Find(string module, string name);

    /// <summary>REDUCE: <paramref name="callable"/>(*<paramref name="args"/>) for an accepted callable global.</summary>
    object? Call(PyGlobal callable, PyTuple args);

    /// <summary>BUILD: <paramref name="target"/> with <paramref name="state"/> applied; the result replaces it on the stack.</summary>
    object? Build(object? target, object? state);

    /// <summary>BINPERSID: the object a persistent id names (PyTorch storages), or a refusal.</summary>
    object? PersistentLoad(object? pid);
}
