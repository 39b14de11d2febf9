using System.Reflection;
using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// Every component Seg knows, keyed by (kind, name). Unlike PaddleSeg, which searches all of its
/// managers in a fixed order for a bare name, a lookup here is scoped by the kind (and the CLR type)
/// the config position expects, so a backbone named like a model cannot be picked by accident;
/// the same name may therefore exist once per kind.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<(ComponentKind Kind, string Name), ComponentRegistration> byKey = [];
    private readonly List<ComponentRegistration> ordered = [];

    public IReadOnlyList<ComponentRegistration> All => ordered;

    public ComponentRegistration? Find(ComponentKind kind, string name) => byKey.GetValueOrDefault((kind, name));

    public IEnumerable<ComponentRegistration> OfKind(ComponentKind kind) => ordered.Where(r => r.Kind == kind);

    /// <summary>Registers one class. Re-registering the same class is a no-op; another class with the same kind and name throws.</summary>
    public ComponentRegistration Register(Type componentType) => RegisterAll([ComponentRegistration.FromType(componentType)])[0];

    /// <summary>
    /// Registers every <see cref="SegComponentAttribute"/> class of an assembly, all or none: a bad class
    /// (<see cref="ComponentDefinitionException"/>) or a name already taken (<see cref="DuplicateComponentException"/>)
    /// leaves the registry unchanged.
    /// </summary>
    public IReadOnlyList<ComponentRegistration> RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var types = assembly.GetTypes().Where(t => t.IsDefined(typeof(SegComponentAttribute), inherit: false));
        return RegisterAll(types.OrderBy(t => t.FullName, StringComparer.Ordinal).Select(ComponentRegistration.FromType).ToList());
    }

    /// <summary>Builds the component of <paramref name="kind"/> that <paramref name="node"/> (a map with <c>type:</c>) describes, children first.</summary>
    public T Build<T>(ConfigNode node, ComponentKind kind, string keyPath) where T : class =>
        (T)new ConfigBinder(this).BuildComponent(node, typeof(T), kind, keyPath)!;

    /// <summary>Binds a plain map (no <c>type:</c>) to an options record, e.g. <c>test_config</c>.</summary>
    public T Bind<T>(ConfigMap map, string keyPath) where T : class =>
        (T)new ConfigBinder(this).BindOptions(map, typeof(T), keyPath);

    private List<ComponentRegistration> RegisterAll(List<ComponentRegistration> registrations)
    {
        var pending = new Dictionary<(ComponentKind, string), ComponentRegistration>();
        var added = new List<ComponentRegistration>();
        foreach (var r in registrations)
        {
            var key = (r.Kind, r.Name);
            if (byKey.TryGetValue(key, out var existing) || pending.TryGetValue(key, out existing))
            {
                if (existing.ComponentType == r.ComponentType) continue;
                throw new DuplicateComponentException(existing, r);
            }
            pending[key] = r;
            added.Add(r);
        }
        foreach (var r in added)
        {
            byKey[(r.Kind, r.Name)] = r;
            ordered.Add(r);
        }
        return registrations.Select(r => byKey[(r.Kind, r.Name)]).ToList();
    }
}
