using System.Globalization;
using System.Reflection;
using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// Scalars follow Python: an int is accepted where a float is expected (Python would pass it through
/// and arithmetic works), a float is never accepted where an int is expected, bools are not numbers,
/// and a number is not a string. A string that looks like a number is an error that says what to write.
/// </summary>
internal static class ScalarRules
{
    internal static bool IsInteger(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte);

    internal static bool IsScalarType(Type t) => t == typeof(bool) || IsInteger(t) || t == typeof(double) || t == typeof(float) || t == typeof(string) || t.IsEnum;

    internal static IReadOnlyList<string> EnumSpellings(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<ConfigNameAttribute>()?.Name ?? f.Name)
            .ToList();

    /// <summary>Converts <paramref name="scalar"/> (never null here) to <paramref name="target"/> or returns an error reason.</summary>
    internal static object Convert(ConfigScalar scalar, Type target, Func<string, Exception> fail)
    {
        var value = scalar.Value!;
        if (target == typeof(string))
            return value is string s ? s : throw fail($"expected str, got {scalar.PythonType} {scalar.Text}; quote it ('{scalar.Text}') if text is meant.");
        if (target == typeof(bool))
            return value is bool b ? b : throw fail($"expected bool (true or false), got {Got(scalar)}.");
        if (IsInteger(target))
        {
            if (value is long l)
            {
                try
                {
                    return System.Convert.ChangeType(l, target, CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    throw fail($"{l} is out of range for {target.Name}.");
                }
            }
            if (value is double d && d == Math.Floor(d) && !double.IsInfinity(d))
                throw fail($"expected int, got float {scalar.Text}; write {d.ToString("0", CultureInfo.InvariantCulture)}.");
            throw fail($"expected int, got {Got(scalar)}.{StringNumberHint(value, integer: true)}");
        }
        if (target == typeof(double) || target == typeof(float))
        {
            if (value is long l) return target == typeof(double) ? (object)(double)l : (float)l;
            if (value is double d) return target == typeof(double) ? (object)d : (float)d;
            throw fail($"expected float, got {Got(scalar)}.{StringNumberHint(value, integer: false)}");
        }
        if (target.IsEnum)
        {
            if (value is string s)
            {
                foreach (var f in target.GetFields(BindingFlags.Public | BindingFlags.Static))
                    if ((f.GetCustomAttribute<ConfigNameAttribute>()?.Name ?? f.Name) == s) return f.GetValue(null)!;
                var allowed = EnumSpellings(target);
                throw fail($"'{s}' is not allowed; write one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}.{Suggestions.DidYouMean(s, allowed)}");
            }
            throw fail($"expected one of {string.Join(", ", EnumSpellings(target).Select(a => $"'{a}'"))}, got {Got(scalar)}.");
        }
        throw new InvalidOperationException($"{target} is not a scalar type");
    }

    private static string Got(ConfigScalar s) => s.Value is string ? $"str '{s.Text}'" : $"{s.PythonType} {s.Text}";

    private static string StringNumberHint(object value, bool integer)
    {
        if (value is not string s) return "";
        var t = s.Trim();
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return "";
        if (integer && long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            return $" Write {i} without quotes.";
        var yaml11 = Yaml11Float(t);
        return yaml11 == t
            ? $" Write {t} without quotes."
            : $" '{t}' is text in YAML 1.1 (PaddleSeg reads it as a string too): floats need a dot and a signed exponent; write {yaml11}.";
    }

    /// <summary>The YAML 1.1 spelling of a float written in another style: 4e-5 -> 4.0e-5, 1e5 -> 1.0e+5, 1.0e5 -> 1.0e+5.</summary>
    internal static string Yaml11Float(string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? text : text[..e];
        if (!mantissa.Contains('.', StringComparison.Ordinal)) mantissa += ".0";
        if (e < 0) return mantissa;
        var exponent = text[(e + 1)..];
        if (exponent.Length > 0 && exponent[0] != '+' && exponent[0] != '-') exponent = "+" + exponent;
        return $"{mantissa}e{exponent}";
    }
}
