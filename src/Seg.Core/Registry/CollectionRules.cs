namespace Seg.Core.Registry;

/// <summary>Which collection shapes an options property may have, and how to make them.</summary>
internal static class CollectionRules
{
    private static readonly Type[] ListInterfaces =
        [typeof(IReadOnlyList<>), typeof(IList<>), typeof(IEnumerable<>), typeof(IReadOnlyCollection<>), typeof(ICollection<>), typeof(List<>)];

    private static readonly Type[] DictionaryTypes = [typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>), typeof(Dictionary<,>)];

    internal static Type? ElementType(Type t)
    {
        if (t.IsArray && t.GetArrayRank() == 1) return t.GetElementType();
        return t.IsGenericType && Array.IndexOf(ListInterfaces, t.GetGenericTypeDefinition()) >= 0 ? t.GetGenericArguments()[0] : null;
    }

    internal static Type? DictionaryValueType(Type t) =>
        t.IsGenericType && Array.IndexOf(DictionaryTypes, t.GetGenericTypeDefinition()) >= 0 && t.GetGenericArguments()[0] == typeof(string)
            ? t.GetGenericArguments()[1]
            : null;

    internal static bool IsValueTuple(Type t) => t.IsValueType && t.IsGenericType && t.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    internal static object MakeList(Type collectionType, Type element, List<object?> items)
    {
        if (collectionType.IsArray)
        {
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++) array.SetValue(items[i], i);
            return array;
        }
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items) list.Add(item);
        return list;
    }

    internal static object MakeDictionary(Type valueType, List<KeyValuePair<string, object?>> items)
    {
        var dict = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        foreach (var (k, v) in items) dict.Add(k, v);
        return dict;
    }

    internal static object MakeTuple(Type tupleType, object?[] items) => Activator.CreateInstance(tupleType, items)!;
}
