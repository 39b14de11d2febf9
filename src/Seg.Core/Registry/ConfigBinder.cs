using System.Reflection;
using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// Turns config nodes into options objects and components, PaddleSeg's <c>build_component</c> with
/// types: every nested dict with <c>type:</c> (alone or in a list) is built before its parent, in key
/// order; dicts without <c>type:</c> bind to a typed record (or stay a <see cref="ConfigMap"/> where the
/// property is one). Every error names the file:line, the key path and what is allowed.
/// With <paramref name="checks"/> it only validates: options are bound (so every key is checked) but no component
/// is constructed (component values are null), and a component this build does not have is recorded instead of
/// failing when PaddleSeg has it or nothing registered fits its slot.
/// </summary>
internal sealed class ConfigBinder(ComponentRegistry registry, List<ComponentCheck>? checks = null)
{
    // Each component dict's registered type, for its parent's IValidatedWithChildren check.
    private readonly Dictionary<ConfigMap, Type> bound = new(ReferenceEqualityComparer.Instance);

    public object? BuildComponent(ConfigNode node, Type expected, ComponentKind? kind, string path)
    {
        var candidates = registry.All.Where(r => (kind == null || r.Kind == kind) && expected.IsAssignableFrom(r.ComponentType)).ToList();
        var label = kind?.ToString() ?? (candidates.Select(c => c.Kind).Distinct().ToList() is [var only] ? only.ToString() : expected.Name);
        if (node is not ConfigMap map)
            throw Fail(node, path, $"expected a {label} (a dict with 'type:'), got {Describe(node)}.");
        if (!map.TryGet("type", out var typeNode))
            throw Fail(node, path, $"'type' is missing: a {label} needs 'type:' to say which component to build. Registered {Plural(label)}: {Suggestions.List(candidates.Select(c => c.Name))}.");
        var typePath = Join(path, "type");
        if (typeNode is not ConfigScalar { Value: string name })
            throw Fail(typeNode, typePath, $"expected a component name (str), got {Describe(typeNode)}.");

        var matches = candidates.Where(c => c.Name == name).ToList();
        if (matches.Count > 1)
            throw Fail(typeNode, typePath, $"'{name}' is ambiguous here: it is registered as {string.Join(" and ", matches.Select(m => $"a {m.Kind} ({m.AssemblyDescription})"))}.");
        if (matches.Count == 0 && checks != null && (candidates.Count == 0 || PaddleSegComponentNames.Contains(kind, name)))
        {
            checks.Add(new ComponentCheck(path, name, label, typeNode.Location, IsAvailable: false));
            ValidateChildren(map, path);
            return null;
        }
        if (matches.Count == 0)
        {
            var elsewhere = registry.All.Where(r => r.Name == name).Select(r => $" ('{name}' is a {r.Kind} in {r.AssemblyDescription}, which cannot be used here.)");
            throw Fail(typeNode, typePath,
                $"unknown {label} '{name}'.{Suggestions.DidYouMean(name, candidates.Select(c => c.Name))}{string.Concat(elsewhere)} " +
                $"Registered {Plural(label)}: {Suggestions.List(candidates.Select(c => c.Name))}.");
        }

        var registration = matches[0];
        checks?.Add(new ComponentCheck(path, name, registration.Kind.ToString(), typeNode.Location, IsAvailable: true));
        var options = BindOptions(map, registration.OptionsType, path, $"{registration.Kind} '{name}'", skipType: true);
        bound[map] = registration.ComponentType;
        if (checks != null) return null;
        try
        {
            return registration.Create(options);
        }
        catch (Exception e) when (e is not RegistryException)
        {
            throw new ConfigBindingException(map.Location, path, $"building {registration.Kind} '{name}' failed: {e.Message}", e);
        }
    }

    // Below a component this build does not have, the keys whose kind is known are still checked.
    private void ValidateChildren(ConfigMap map, string path)
    {
        foreach (var (key, value) in map.Entries)
        {
            ComponentKind? kind = key switch
            {
                "backbone" => ComponentKind.Backbone,
                "transforms" => ComponentKind.Transform,
                "losses" => ComponentKind.Loss,
                _ => null,
            };
            if (kind == null) continue;
            if (value is ConfigMap child && child.ContainsKey("type")) BuildComponent(child, typeof(object), kind, Join(path, key));
            if (value is ConfigList list)
            {
                for (var i = 0; i < list.Items.Count; i++)
                    if (list.Items[i] is ConfigMap item && item.ContainsKey("type")) BuildComponent(item, typeof(object), kind, $"{Join(path, key)}[{i}]");
            }
        }
    }

    public object BindOptions(ConfigMap map, Type optionsType, string path, string? owner = null, bool skipType = false)
    {
        var schema = OptionsSchema.For(optionsType);
        owner ??= optionsType.Name;
        foreach (var member in schema.Members)
        {
            if (member.Required && !map.ContainsKey(member.Key))
                throw Fail(map, path, $"{owner} needs the key '{member.Key}' ({TypeNames.Describe(member.Type)}), which is missing.");
        }
        var options = schema.CreateDefault();
        foreach (var (key, value) in map.Entries)
        {
            if (skipType && key == "type") continue;
            var keyPath = Join(path, key);
            var member = schema.Find(key)
                ?? throw Fail(value, keyPath, $"unknown key '{key}' for {owner}.{Suggestions.DidYouMean(key, schema.Keys)} Allowed keys: {string.Join(", ", schema.Keys)}.");
            member.Property.SetValue(options, BindValue(value, member.Type, member.AllowsNull, member.Nullability, keyPath));
        }
        var problem = (options as IValidatedOptions)?.Validate() ?? (options as IValidatedWithChildren)?.Validate(ChildrenOf(map));
        if (problem is { } p)
            throw Fail(map.TryGet(p.Key, out var node) ? node : map, Join(path, p.Key), p.Reason);
        return options;
    }

    private ConfiguredChildren ChildrenOf(ConfigMap map) => new(map.Entries
        .Where(e => e.Value is ConfigMap child && bound.ContainsKey(child))
        .ToDictionary(e => e.Key, e => bound[(ConfigMap)e.Value]));

    private object? BindValue(ConfigNode node, Type target, bool allowsNull, NullabilityInfo? nullability, string path)
    {
        if (node is ConfigScalar { IsNull: true })
            return allowsNull ? null : throw Fail(node, path, $"null is not allowed here; expected {TypeNames.Describe(target)}.");

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type == typeof(ConfigNode)) return node.DeepClone();
        if (type == typeof(ConfigMap) || type == typeof(ConfigList))
            return type.IsInstanceOfType(node) ? node.DeepClone() : throw Fail(node, path, $"expected {TypeNames.Describe(type)}, got {Describe(node)}.");
        if (type == typeof(object))
            return node is ConfigMap m && m.ContainsKey("type") ? BuildComponent(m, typeof(object), null, path) : node.DeepClone();

        if (ScalarRules.IsScalarType(type))
        {
            if (node is not ConfigScalar scalar) throw Fail(node, path, $"expected {TypeNames.Describe(type)}, got {Describe(node)}.");
            return ScalarRules.Convert(scalar, type, reason => Fail(node, path, reason));
        }
        if (CollectionRules.IsValueTuple(type)) return BindTuple(node, type, nullability, path);
        if (CollectionRules.ElementType(type) is { } element)
        {
            if (node is not ConfigList list) throw Fail(node, path, $"expected {TypeNames.Describe(type)}, got {Describe(node)}.");
            var elementNullability = type.IsArray ? nullability?.ElementType : nullability?.GenericTypeArguments.FirstOrDefault();
            var items = list.Items.Select((item, i) => BindValue(item, element, AllowsNull(element, elementNullability), elementNullability, $"{path}[{i}]")).ToList();
            return CollectionRules.MakeList(type, element, items);
        }
        if (CollectionRules.DictionaryValueType(type) is { } valueType)
        {
            if (node is not ConfigMap dict) throw Fail(node, path, $"expected {TypeNames.Describe(type)}, got {Describe(node)}.");
            var valueNullability = nullability?.GenericTypeArguments.ElementAtOrDefault(1);
            var items = dict.Entries.Select(e => new KeyValuePair<string, object?>(e.Key,
                BindValue(e.Value, valueType, AllowsNull(valueType, valueNullability), valueNullability, Join(path, e.Key)))).ToList();
            return CollectionRules.MakeDictionary(valueType, items);
        }
        if (IsPlainRecord(type))
        {
            if (node is not ConfigMap record) throw Fail(node, path, $"expected {TypeNames.Describe(type)}, got {Describe(node)}.");
            return BindOptions(record, type, path);
        }
        return BuildComponent(node, type, null, path);
    }

    private object BindTuple(ConfigNode node, Type type, NullabilityInfo? nullability, string path)
    {
        var args = type.GetGenericArguments();
        if (node is not ConfigList list || list.Items.Count != args.Length)
            throw Fail(node, path, $"expected {TypeNames.Describe(type)} ({args.Length} values, e.g. [{string.Join(", ", args.Select(_ => "..."))}]), got {Describe(node)}.");
        var items = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var n = nullability?.GenericTypeArguments.ElementAtOrDefault(i);
            items[i] = BindValue(list.Items[i], args[i], AllowsNull(args[i], n), n, $"{path}[{i}]");
        }
        return CollectionRules.MakeTuple(type, items);
    }

    // A record the binder fills from a plain dict, as opposed to a component slot (interface, abstract or registered class).
    private bool IsPlainRecord(Type type) =>
        OptionsSchema.IsOptionsType(type) && !type.IsDefined(typeof(SegComponentAttribute), inherit: false)
        && !registry.All.Any(r => type.IsAssignableFrom(r.ComponentType));

    private static bool AllowsNull(Type type, NullabilityInfo? info) =>
        Nullable.GetUnderlyingType(type) != null || (!type.IsValueType && info?.ReadState != NullabilityState.NotNull);

    private static string Plural(string label) => label.EndsWith('s') ? label + "es" : label + "s";

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(ConfigNode node) => node switch
    {
        ConfigScalar s => s.Value is string ? $"str '{s.Text}'" : $"{s.PythonType} {s.Text}",
        ConfigList { IsTuple: true } => "a tuple",
        ConfigList => "a list",
        ConfigMap m when m.ContainsKey("type") => "a component (a dict with 'type:')",
        _ => "a dict",
    };

    private static ConfigBindingException Fail(ConfigNode node, string path, string reason) => new(node.Location, path, reason);
}
