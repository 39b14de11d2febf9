using System.Globalization;
using System.Text;

namespace Seg.Core.Config;

/// <summary>
/// Writes a config tree as YAML that <see cref="YamlConfigReader"/> (and PyYAML) load back to the same values and
/// types: block mappings in the tree's key order, lists of plain values in flow style (<c>[1024, 512]</c>), floats
/// always with a dot (<c>4.0e-05</c>, <c>1.0</c>), strings quoted when they would otherwise load as another type,
/// tuples tagged <c>!!python/tuple</c>.
/// </summary>
public static class YamlConfigWriter
{
    private const string TupleTag = "!!python/tuple ";
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    public static string Write(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sb = new StringBuilder();
        switch (root)
        {
            case ConfigMap { Count: > 0 } map: WriteMap(sb, map, 0); break;
            case ConfigList { Items.Count: > 0 } list when !IsFlow(list): WriteList(sb, list, 0); break;
            default: sb.Append(Inline(root)).Append('\n'); break;
        }
        return sb.ToString();
    }

    private static void WriteMap(StringBuilder sb, ConfigMap map, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!(first && firstInline)) sb.Append(' ', indent);
            first = false;
            sb.Append(FormatString(key, flow: false)).Append(':');
            WriteValue(sb, value, indent);
        }
    }

    // The value after "key:" or "-": inline when it fits on the line, else on the following lines.
    private static void WriteValue(StringBuilder sb, ConfigNode value, int indent)
    {
        switch (value)
        {
            case ConfigMap { Count: > 0 } m:
                sb.Append('\n');
                WriteMap(sb, m, indent + 2);
                break;
            case ConfigList { Items.Count: > 0 } l when !IsFlow(l):
                sb.Append(l.IsTuple ? " " + TupleTag.TrimEnd() : "").Append('\n');
                WriteList(sb, l, indent + 2);
                break;
            default:
                sb.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder sb, ConfigList list, int indent)
    {
        foreach (var item in list.Items)
        {
            sb.Append(' ', indent).Append('-');
            if (item is ConfigMap { Count: > 0 } m)
            {
                sb.Append(' ');
                WriteMap(sb, m, indent + 2, firstInline: true);
            }
            else
            {
                WriteValue(sb, item, indent);
            }
        }
    }

    private static bool IsFlow(ConfigList list) => list.Items.All(i => i is ConfigScalar || i is ConfigMap { Count: 0 } || i is ConfigList l && l.Items.Count == 0);

    // A scalar, an empty collection or a flow list of those.
    private static string Inline(ConfigNode node) => node switch
    {
        ConfigScalar s => FormatScalar(s.Value, flow: false),
        ConfigMap => "{}",
        ConfigList l => (l.IsTuple ? TupleTag : "") + "[" + string.Join(", ", l.Items.Select(i => i is ConfigScalar s ? FormatScalar(s.Value, flow: true) : Inline(i))) + "]",
        _ => throw new ArgumentException($"cannot write {node.GetType().Name}", nameof(node)),
    };

    private static string FormatScalar(object? value, bool flow) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        string s => FormatString(s, flow),
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name}", nameof(value)),
    };

    /// <summary>
    /// A YAML 1.1 float literal in Python's repr layout (shortest round-trip digits, scientific below 1e-4 and from
    /// 1e16), always with a dot and a signed exponent (<c>4.0e-05</c>), or <c>.inf</c>/<c>.nan</c>.
    /// </summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsInfinity(d)) return d > 0 ? ".inf" : "-.inf";
        var sign = double.IsNegative(d) ? "-" : "";
        if (d == 0) return sign + "0.0";

        // Shortest round-trip digits and decimal exponent: value = 0.DIGITS * 10^point.
        var r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= lead;

        var x = point - 1;
        if (x is < -4 or >= 16)
            return $"{sign}{digits[0]}.{(digits.Length > 1 ? digits[1..] : "0")}e{(x < 0 ? '-' : '+')}{Math.Abs(x):00}";
        if (point <= 0) return $"{sign}0.{new string('0', -point)}{digits}";
        if (point >= digits.Length) return $"{sign}{digits}{new string('0', point - digits.Length)}.0";
        return $"{sign}{digits[..point]}.{digits[point..]}";
    }

    private static string FormatString(string s, bool flow)
    {
        if (s.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')) return DoubleQuoted(s);
        return NeedsQuotes(s, flow) ? "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'" : s;
    }

    private static bool NeedsQuotes(string s, bool flow) =>
        s.Length == 0
        || !Yaml11Scalars.IsPlainString(s)
        || LooksTypedElsewhere(s)
        || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])
        || Indicators.Contains(s[0], StringComparison.Ordinal)
        || s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':')
        || (flow && s.IndexOfAny([',', '[', ']', '{', '}']) >= 0);

    // Quote strings that YAML 1.2 readers would type (1e5, 0o17, .5e3): harmless for Seg, kinder to other tools.
    private static bool LooksTypedElsewhere(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || s.StartsWith("0o", StringComparison.Ordinal) || s is "y" or "Y" or "n" or "N";

    private static string DoubleQuoted(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
