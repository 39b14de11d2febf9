using System.Text.RegularExpressions;

namespace Seg.Core.Weights;

/// <summary>
/// A rename table for state-dict keys from other code (<c>seg model convert --map</c>): rules applied in order to every
/// key, each to the result of the one before. <c>FROM=TO</c> replaces a leading <c>FROM</c> with <c>TO</c>
/// (<c>module.=</c> strips DataParallel's prefix); <c>re:PATTERN=REPLACEMENT</c> is a .NET regex replacement
/// (<c>$1</c> for groups). <c>@FILE</c> reads rules from a file, one a line, <c>#</c> starting a comment.
/// </summary>
public sealed class KeyRenameMap
{
    private readonly List<Func<string, string>> rules = [];

    private KeyRenameMap() { }

    public int Count => rules.Count;

    /// <exception cref="ArgumentException">A rule without '=', a bad regex, or an unreadable @FILE.</exception>
    public static KeyRenameMap Parse(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var map = new KeyRenameMap();
        foreach (var item in items)
        {
            if (item.StartsWith('@'))
            {
                var file = item[1..];
                if (!File.Exists(file)) throw new ArgumentException($"--map {item}: the rename table {file} does not exist");
                foreach (var line in File.ReadAllLines(file))
                {
                    var rule = line.Split('#')[0].Trim();
                    if (rule.Length > 0) map.rules.Add(Rule(rule, $"{file}: '{line}'"));
                }
            }
            else map.rules.Add(Rule(item, $"'{item}'"));
        }
        return map;
    }

    /// <summary>The renamed entries, in order.</summary>
    /// <exception cref="ArgumentException">Two keys that end up with the same name.</exception>
    public List<KeyValuePair<string, T>> Apply<T>(IEnumerable<KeyValuePair<string, T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var result = new List<KeyValuePair<string, T>>();
        var from = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            var renamed = rules.Aggregate(key, (k, rule) => rule(k));
            if (!from.TryAdd(renamed, key))
                throw new ArgumentException($"--map renames both '{from[renamed]}' and '{key}' to '{renamed}'");
            result.Add(new(renamed, value));
        }
        return result;
    }

    private static Func<string, string> Rule(string rule, string where)
    {
        var at = rule.IndexOf('=', StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"--map rule {where} needs FROM=TO (a key prefix) or re:PATTERN=REPLACEMENT");
        var (find, replace) = (rule[..at], rule[(at + 1)..]);
        if (!find.StartsWith("re:", StringComparison.Ordinal))
            return key => key.StartsWith(find, StringComparison.Ordinal) ? replace + key[find.Length..] : key;
        try
        {
            var regex = new Regex(find[3..], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return key => regex.Replace(key, replace);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--map rule {where}: {e.Message}", e);
        }
    }
}
