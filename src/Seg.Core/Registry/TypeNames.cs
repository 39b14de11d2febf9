using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>Python-flavoured names of the types a key accepts, for error messages.</summary>
internal static class TypeNames
{
    internal static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(bool)) return "bool";
        if (ScalarRules.IsInteger(t)) return "int";
        if (t == typeof(double) || t == typeof(float)) return "float";
        if (t == typeof(string)) return "str";
        if (t.IsEnum) return "one of " + string.Join(", ", ScalarRules.EnumSpellings(t).Select(s => $"'{s}'"));
        if (t == typeof(ConfigMap)) return "dict";
        if (t == typeof(ConfigList)) return "list";
        if (t == typeof(ConfigNode) || t == typeof(object)) return "any value";
        if (CollectionRules.ElementType(t) is { } e) return $"list[{Describe(e)}]";
        if (CollectionRules.DictionaryValueType(t) is { } v) return $"dict[str, {Describe(v)}]";
        if (CollectionRules.IsValueTuple(t)) return "tuple[" + string.Join(", ", t.GetGenericArguments().Select(Describe)) + "]";
        if (OptionsSchema.IsOptionsType(t) && t.GetCustomAttributes(typeof(SegComponentAttribute), false).Length == 0)
            return "dict with keys " + string.Join(", ", OptionsSchema.For(t).Keys);
        return $"a {t.Name} component (a dict with 'type:')";
    }
}
