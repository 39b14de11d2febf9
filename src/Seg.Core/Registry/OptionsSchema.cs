using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>The keys an options class accepts: its public settable (or init) instance properties.</summary>
public sealed class OptionsSchema
{
    private static readonly ConcurrentDictionary<Type, OptionsSchema> Cache = new();

    private OptionsSchema(Type type, IReadOnlyList<OptionMember> members)
    {
        Type = type;
        Members = members;
    }

    public Type Type { get; }

    public IReadOnlyList<OptionMember> Members { get; }

    public IEnumerable<string> Keys => Members.Select(m => m.Key);

    public OptionMember? Find(string key) => Members.FirstOrDefault(m => m.Key == key);

    public static OptionsSchema For(Type type) => Cache.GetOrAdd(type, Create);

    /// <summary>A class the binder can fill from a map: concrete, with a public parameterless constructor.</summary>
    public static bool IsOptionsType(Type type) =>
        type.IsClass && !type.IsAbstract && !type.IsGenericTypeDefinition && type != typeof(string)
        && !typeof(ConfigNode).IsAssignableFrom(type) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
        && type.GetConstructor(Type.EmptyTypes) != null;

    /// <summary>A fresh options object holding the defaults (required members left unset).</summary>
    public object CreateDefault() => Activator.CreateInstance(Type)!;

    private static OptionsSchema Create(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var members = new List<OptionMember>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.SetMethod is not { IsPublic: true } || p.GetIndexParameters().Length > 0) continue;
            // Records expose a compiler-generated EqualityContract; it is not public, so it is skipped above.
            var key = p.GetCustomAttribute<ConfigNameAttribute>()?.Name ?? KeyNames.ToSnakeCase(p.Name);
            var info = nullability.Create(p);
            var allowsNull = Nullable.GetUnderlyingType(p.PropertyType) != null
                || (!p.PropertyType.IsValueType && info.WriteState != NullabilityState.NotNull);
            var required = p.IsDefined(typeof(RequiredMemberAttribute), inherit: true);
            if (members.Exists(m => m.Key == key))
                throw new ComponentDefinitionException($"{type.FullName}: two properties map to the config key '{key}'.");
            members.Add(new OptionMember(key, p, required, allowsNull, info));
        }
        return new OptionsSchema(type, members);
    }
}
