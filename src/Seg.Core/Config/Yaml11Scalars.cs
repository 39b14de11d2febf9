using System.Globalization;
using System.Text.RegularExpressions;

namespace Seg.Core.Config;

/// <summary>
/// PyYAML's YAML 1.1 implicit typing of plain scalars (the resolver regexes and construct_yaml_* functions of
/// PyYAML 6.0, which PaddleSeg loads configs with): <c>4.0e-5</c> is a float but <c>4e-5</c> a string,
/// <c>yes/on/True</c> are booleans, <c>017</c> is octal, <c>1:30</c> is sexagesimal (90).
/// </summary>
public static partial class Yaml11Scalars
{
    [GeneratedRegex("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex("^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")]
    private static partial Regex TimestampPattern();

    /// <summary>What a plain (unquoted, untagged) scalar means: null, bool, long, double or the string itself.</summary>
    /// <exception cref="FormatException">For <c>=</c>, which PyYAML resolves to a tag it cannot construct.</exception>
    public static object? Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NullPattern().IsMatch(text)) return null;
        if (BoolPattern().IsMatch(text)) return ConstructBool(text);
        if (IntPattern().IsMatch(text)) return ConstructInt(text);
        if (FloatPattern().IsMatch(text)) return ConstructFloat(text);
        if (text == "=") throw new FormatException("a plain '=' is YAML 1.1's 'value' key, which cannot be loaded; quote it: '='");
        // Timestamps (2001-12-14) become datetime objects in PyYAML; no PaddleSeg component takes one, so Seg keeps the text.
        return text;
    }

    /// <summary>True when a plain scalar with this text would load as a string equal to the text.</summary>
    public static bool IsPlainString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !(NullPattern().IsMatch(text) || BoolPattern().IsMatch(text) || IntPattern().IsMatch(text)
            || FloatPattern().IsMatch(text) || TimestampPattern().IsMatch(text) || text == "=" || text == "<<");
    }

    /// <summary>PyYAML's construct_yaml_bool (used for the !!bool tag too).</summary>
    public static bool ConstructBool(string text) => text.ToLowerInvariant() switch
    {
        "yes" or "true" or "on" => true,
        "no" or "false" or "off" => false,
        _ => throw new FormatException($"'{text}' is not a YAML 1.1 boolean (yes/no, true/false, on/off)"),
    };

    /// <summary>PyYAML's construct_yaml_int (used for the !!int tag too).</summary>
    public static long ConstructInt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Replace("_", "", StringComparison.Ordinal);
        if (value.Length == 0) throw new FormatException($"'{text}' is not an integer");
        var sign = value[0] == '-' ? -1L : 1L;
        if (value[0] is '+' or '-') value = value[1..];
        try
        {
            if (value == "0") return 0;
            if (value.StartsWith("0b", StringComparison.Ordinal)) return sign * Convert.ToInt64(Digits(value[2..], text), 2);
            if (value.StartsWith("0x", StringComparison.Ordinal)) return sign * long.Parse(Digits(value[2..], text), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (value[0] == '0') return sign * Convert.ToInt64(value, 8);
            if (value.Contains(':', StringComparison.Ordinal))
            {
                long result = 0;
                foreach (var part in value.Split(':')) result = checked(result * 60 + long.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture));
                return sign * result;
            }
            return sign * long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (OverflowException e)
        {
            throw new FormatException($"integer '{text}' does not fit in 64 bits", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{text}' is not an integer", e);
        }
    }

    /// <summary>PyYAML's construct_yaml_float (used for the !!float tag too).</summary>
    public static double ConstructFloat(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        if (value.Length == 0) throw new FormatException($"'{text}' is not a float");
        var sign = value[0] == '-' ? -1.0 : 1.0;
        if (value[0] is '+' or '-') value = value[1..];
        if (value == ".inf") return sign * double.PositiveInfinity;
        if (value == ".nan") return double.NaN;
        if (value.Contains(':', StringComparison.Ordinal))
        {
            // Summed from the least significant part up, as PyYAML does (the rounding follows).
            var parts = value.Split(':');
            double result = 0.0, unit = 1.0;
            for (var i = parts.Length - 1; i >= 0; i--, unit *= 60) result += ParseDouble(parts[i], text) * unit;
            return sign * result;
        }
        return sign * ParseDouble(value, text);
    }

    private static double ParseDouble(string value, string text) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new FormatException($"'{text}' is not a float");

    private static string Digits(string digits, string text) =>
        digits.Length > 0 ? digits : throw new FormatException($"'{text}' has no digits");
}
