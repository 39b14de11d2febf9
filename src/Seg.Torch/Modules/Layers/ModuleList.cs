using System.Collections;
using System.Globalization;

namespace Seg.Torch.Modules;

/// <summary>An indexed list of submodules, registered as "0", "1", ...</summary>
public class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    private readonly List<T> items = [];

    public ModuleList(params T[] modules) : base("ModuleList")
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) append(m);
    }

    public int Count => items.Count;

    public T this[int index] => items[index];

    public ModuleList<T> append(T module)
    {
        ArgumentNullException.ThrowIfNull(module);
        register_module(items.Count.ToString(CultureInfo.InvariantCulture), module);
        items.Add(module);
        return this;
    }

    public ModuleList<T> extend(IEnumerable<T> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) append(m);
        return this;
    }

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list of any modules.</summary>
public sealed class ModuleList(params Module[] modules) : ModuleList<Module>(modules);
