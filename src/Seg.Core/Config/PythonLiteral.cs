using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Seg.Core.Config;

/// <summary>
/// Python's <c>ast.literal_eval</c> for the values of <c>--opts key=value</c> (paddleseg/utils/utils.py::update_config_dict): numbers (<c>1e-4</c> is a
/// float here, Python not YAML), <c>True/False/None</c>, quoted strings, lists, tuples (<c>0.75,1.0,1.25</c> is a
/// tuple), dicts with string keys, and a sign directly on a number. Text that is not such a literal is kept as the
/// string itself, as PaddleSeg does when literal_eval raises. Complex numbers, bytes, sets and integers beyond 64 bits
/// are outside what Seg models and also stay strings.
/// </summary>
public sealed partial class PythonLiteral
{
    private readonly string text;
    private readonly SourceLocation? location;
    private int pos;
    private int depth;

    private PythonLiteral(string text, SourceLocation? location)
    {
        this.text = text;
        this.location = location;
    }

    [GeneratedRegex("^(?:[1-9](?:_?[0-9])*|0+(?:_?0)*|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0[xX](?:_?[0-9a-fA-F])+)$")]
    private static partial Regex IntToken();

    [GeneratedRegex(@"^(?:(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.)(?:[eE][-+]?[0-9](?:_?[0-9])*)?|[0-9](?:_?[0-9])*[eE][-+]?[0-9](?:_?[0-9])*)$")]
    private static partial Regex FloatToken();

    /// <summary>The value literal_eval gives for <paramref name="value"/>, or the text as a string when it raises.</summary>
    public static ConfigNode Evaluate(string value, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, location) ?? new ConfigScalar(value, value, location);
    }

    /// <summary>The literal's value, or null when literal_eval would raise ValueError or SyntaxError.</summary>
    public static ConfigNode? TryParse(string value, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parser = new PythonLiteral(value.TrimStart(' ', '\t'), location);
        try
        {
            var result = parser.ParseTop();
            parser.SkipSpace();
            return parser.pos == parser.text.Length ? result : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private ConfigNode ParseTop()
    {
        var (first, _) = ParseValue();
        SkipSpace();
        if (!TryTake(',')) return first;
        var items = new List<ConfigNode> { first };
        while (true)
        {
            SkipSpace();
            if (pos == text.Length) break;
            items.Add(ParseValue().Node);
            SkipSpace();
            if (!TryTake(',')) break;
        }
        return new ConfigList(items, location, isTuple: true);
    }

    // Returns the node and whether it is a bare number (the only operand a unary sign accepts).
    private (ConfigNode Node, bool IsNumber) ParseValue()
    {
        SkipSpace();
        if (pos == text.Length) throw new FormatException("unexpected end");
        var c = text[pos];
        switch (c)
        {
            case '+' or '-':
                pos++;
                var (operand, isNumber) = ParseValue();
                if (!isNumber) throw new FormatException("sign on a non-number");
                var v = ((ConfigScalar)operand).Value;
                if (c == '+') return (operand, false);
                return (new ConfigScalar(v is long l ? (object)(-l) : -(double)v!, null, location), false);
            case '(':
                return ParseParenthesized();
            case '[':
                pos++;
                depth++;
                var list = new ConfigList(ParseItems(']'), location);
                depth--;
                return (list, false);
            case '{':
                return (ParseDict(), false);
            case '\'' or '"':
                return (ParseStrings(), false);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
            return (ParseNumber(), true);
        if (char.IsLetter(c) || c == '_') return (ParseName(), false);
        throw new FormatException("unexpected character");
    }

    private (ConfigNode, bool) ParseParenthesized()
    {
        pos++;
        depth++;
        SkipSpace();
        if (TryTake(')'))
        {
            depth--;
            return (new ConfigList([], location, isTuple: true), false);
        }
        var (first, isNumber) = ParseValue();
        SkipSpace();
        if (TryTake(')'))
        {
            depth--;
            return (first, isNumber);
        }
        Expect(',');
        var items = new List<ConfigNode> { first };
        items.AddRange(ParseItems(')'));
        depth--;
        return (new ConfigList(items, location, isTuple: true), false);
    }

    // Comma-separated values up to the closing bracket, a trailing comma allowed.
    private List<ConfigNode> ParseItems(char close)
    {
        var items = new List<ConfigNode>();
        while (true)
        {
            SkipSpace();
            if (TryTake(close)) return items;
            items.Add(ParseValue().Node);
            SkipSpace();
            if (TryTake(close)) return items;
            Expect(',');
        }
    }

    private ConfigMap ParseDict()
    {
        pos++;
        depth++;
        var map = new ConfigMap(location);
        while (true)
        {
            SkipSpace();
            if (TryTake('}')) break;
            var key = ParseValue().Node as ConfigScalar;
            if (key?.Value is not string k) throw new FormatException("Seg config keys are strings");
            SkipSpace();
            Expect(':');
            map.Set(k, ParseValue().Node);
            SkipSpace();
            if (TryTake('}')) break;
            Expect(',');
        }
        depth--;
        return map;
    }

    private ConfigScalar ParseNumber()
    {
        var start = pos;
        var hex = text.Length > pos + 1 && text[pos] == '0' && text[pos + 1] is 'x' or 'X';
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '.'
            || (!hex && text[pos] is '+' or '-' && text[pos - 1] is 'e' or 'E')))
            pos++;
        var token = text[start..pos];
        if (IntToken().IsMatch(token)) return new ConfigScalar(ParseInt(token.Replace("_", "", StringComparison.Ordinal)), null, location);
        if (FloatToken().IsMatch(token))
            return new ConfigScalar(double.Parse(token.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture), null, location);
        throw new FormatException("not a number");
    }

    private static long ParseInt(string digits)
    {
        try
        {
            return digits.Length > 1 && digits[0] == '0' && char.IsAsciiLetter(digits[1])
                ? Convert.ToInt64(digits[2..], char.ToLowerInvariant(digits[1]) switch { 'b' => 2, 'o' => 8, _ => 16 })
                : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (OverflowException e)
        {
            throw new FormatException("integer beyond 64 bits", e);
        }
    }

    private ConfigNode ParseName()
    {
        var start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_')) pos++;
        var name = text[start..pos];
        if (pos < text.Length && text[pos] is '\'' or '"')
        {
            pos = start;
            return ParseStrings();
        }
        return name switch
        {
            "True" => new ConfigScalar(true, null, location),
            "False" => new ConfigScalar(false, null, location),
            "None" => new ConfigScalar(null, null, location),
            _ => throw new FormatException("a name is not a literal"),
        };
    }

    // One or more adjacent string literals, concatenated as Python does.
    private ConfigScalar ParseStrings()
    {
        var sb = new StringBuilder();
        do
        {
            ParseString(sb);
            SkipSpace();
        }
        while (pos < text.Length && (text[pos] is '\'' or '"' || StartsPrefixedString()));
        return new ConfigScalar(sb.ToString(), null, location);
    }

    private bool StartsPrefixedString()
    {
        var i = pos;
        while (i < text.Length && char.IsLetter(text[i])) i++;
        return i > pos && i < text.Length && text[i] is '\'' or '"';
    }

    private void ParseString(StringBuilder sb)
    {
        var start = pos;
        while (char.IsLetter(text[pos])) pos++;
        var prefix = text[start..pos].ToLowerInvariant();
        if (prefix is not ("" or "r" or "u")) throw new FormatException("bytes and f-strings are not config values");
        var raw = prefix == "r";
        var quote = text[pos];
        var triple = pos + 2 < text.Length && text[pos + 1] == quote && text[pos + 2] == quote;
        pos += triple ? 3 : 1;
        while (true)
        {
            if (pos >= text.Length) throw new FormatException("unterminated string");
            var c = text[pos];
            if (c == quote && (!triple || (pos + 2 < text.Length && text[pos + 1] == quote && text[pos + 2] == quote)))
            {
                pos += triple ? 3 : 1;
                return;
            }
            if (c == '\n' && !triple) throw new FormatException("newline in string");
            if (c == '\\' && pos + 1 < text.Length)
            {
                if (raw)
                {
                    sb.Append(c).Append(text[pos + 1]);
                    pos += 2;
                }
                else
                {
                    pos++;
                    AppendEscape(sb);
                }
                continue;
            }
            sb.Append(c);
            pos++;
        }
    }

    private void AppendEscape(StringBuilder sb)
    {
        var c = text[pos++];
        switch (c)
        {
            case '\n': break;
            case '\\' or '\'' or '"': sb.Append(c); break;
            case 'n': sb.Append('\n'); break;
            case 't': sb.Append('\t'); break;
            case 'r': sb.Append('\r'); break;
            case 'a': sb.Append('\a'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'v': sb.Append('\v'); break;
            case 'x': AppendCodePoint(sb, 2); break;
            case 'u': AppendCodePoint(sb, 4); break;
            case 'U': AppendCodePoint(sb, 8); break;
            case >= '0' and <= '7':
                var start = pos - 1;
                while (pos < text.Length && pos - start < 3 && text[pos] is >= '0' and <= '7') pos++;
                sb.Append((char)Convert.ToInt32(text[start..pos], 8));
                break;
            default: sb.Append('\\').Append(c); break; // Python keeps unknown escapes as written
        }
    }

    private void AppendCodePoint(StringBuilder sb, int digits)
    {
        if (pos + digits > text.Length || !int.TryParse(text.AsSpan(pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF)
            throw new FormatException("bad escape");
        sb.Append(char.ConvertFromUtf32(code));
        pos += digits;
    }

    private void SkipSpace()
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c is ' ' or '\t' or '\f' || (depth > 0 && c is '\n' or '\r')) pos++;
            else if (c == '#') while (pos < text.Length && text[pos] != '\n') pos++;
            else if (depth == 0 && c is '\n' or '\r' && text[pos..].All(char.IsWhiteSpace)) pos = text.Length;
            else return;
        }
    }

    private bool TryTake(char c)
    {
        if (pos < text.Length && text[pos] == c)
        {
            pos++;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        if (!TryTake(c)) throw new FormatException($"expected '{c}'");
    }
}
