using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Seg.Core.Config;

/// <summary>
/// Reads one YAML file into a <see cref="ConfigNode"/> tree the way PyYAML's FullLoader does (YAML 1.1 typing,
/// anchors and aliases, <c>&lt;&lt;</c> merge keys, the standard tags and <c>!!python/tuple</c>), recording the file,
/// line and column of every node.
/// </summary>
public sealed class YamlConfigReader
{
    private const string TagPrefix = "tag:yaml.org,2002:";
    private readonly string file;
    private readonly Dictionary<string, ConfigNode> anchors = [];

    private YamlConfigReader(string file) => this.file = file;

    /// <summary>Reads a config file; its top level must be a mapping.</summary>
    public static ConfigMap ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadText(File.ReadAllText(path), path);
    }

    /// <summary>Reads YAML text; <paramref name="file"/> names it in locations and errors.</summary>
    public static ConfigMap ReadText(string yaml, string file)
    {
        var node = ReadDocument(yaml, file);
        return node switch
        {
            ConfigMap map => map,
            null => throw new ConfigException(new SourceLocation(file, 1, 1), "the config file is empty; it must be a mapping such as 'batch_size: 4'"),
            _ => throw new ConfigException(node.Location, $"the top level of a config must be a mapping (key: value lines), not a {Describe(node)}"),
        };
    }

    /// <summary>Reads a single YAML document of any shape (null when the stream holds no document).</summary>
    public static ConfigNode? ReadDocument(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new YamlConfigReader(file);
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = reader.ReadNode(parser);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
                throw new ConfigException(reader.At(parser.Current!.Start), "expected a single YAML document, but found another one ('---'); keep one document per config file");
            return root;
        }
        catch (YamlException e)
        {
            throw new ConfigException(reader.At(e.Start), $"invalid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way (not with a YamlException) when a flow collection runs into the end of the file.
            var lastLine = Math.Max(1, yaml.TrimEnd().Split('\n').Length);
            throw new ConfigException(new SourceLocation(file, lastLine, 1), "invalid YAML: the file ends inside a '[...]' or '{...}'; close the bracket or brace", e);
        }
    }

    private SourceLocation At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private ConfigNode ReadNode(IParser parser)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target.DeepClone()
                : throw new ConfigException(At(alias.Start), $"alias '*{alias.Value.Value}' refers to no anchor defined before it");
        }

        ConfigNode node;
        string anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = ReadScalar(scalar);
            anchor = scalar.Anchor.IsEmpty ? "" : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var seq))
        {
            node = ReadSequence(parser, seq);
            anchor = seq.Anchor.IsEmpty ? "" : seq.Anchor.Value;
        }
        else if (parser.TryConsume<MappingStart>(out var map))
        {
            node = ReadMapping(parser, map);
            anchor = map.Anchor.IsEmpty ? "" : map.Anchor.Value;
        }
        else
        {
            throw new ConfigException(At(parser.Current!.Start), $"unexpected YAML event {parser.Current.GetType().Name}");
        }

        if (anchor.Length > 0) anchors[anchor] = node;
        return node;
    }

    private ConfigScalar ReadScalar(Scalar scalar)
    {
        var location = At(scalar.Start);
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        try
        {
            var value = tag switch
            {
                "" when scalar.Style is ScalarStyle.Plain => Yaml11Scalars.Resolve(scalar.Value),
                "" or "!" or TagPrefix + "str" => scalar.Value,
                TagPrefix + "int" => Yaml11Scalars.ConstructInt(scalar.Value),
                TagPrefix + "float" => Yaml11Scalars.ConstructFloat(scalar.Value),
                TagPrefix + "bool" => Yaml11Scalars.ConstructBool(scalar.Value),
                TagPrefix + "null" => null,
                _ => throw new ConfigException(location, $"unsupported YAML tag '{tag}' on a scalar; Seg configs use plain values or !!str/!!int/!!float/!!bool/!!null"),
            };
            return new ConfigScalar(value, scalar.Value, location);
        }
        catch (FormatException e)
        {
            throw new ConfigException(location, e.Message, e);
        }
    }

    private ConfigList ReadSequence(IParser parser, SequenceStart start)
    {
        var tag = start.Tag.IsEmpty ? "" : start.Tag.Value;
        if (tag is not ("" or "!" or TagPrefix + "seq" or TagPrefix + "python/tuple"))
            throw new ConfigException(At(start.Start), $"unsupported YAML tag '{tag}' on a sequence");
        var items = new List<ConfigNode>();
        while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser));
        return new ConfigList(items, At(start.Start), isTuple: tag == TagPrefix + "python/tuple");
    }

    private ConfigMap ReadMapping(IParser parser, MappingStart start)
    {
        var tag = start.Tag.IsEmpty ? "" : start.Tag.Value;
        if (tag is not ("" or "!" or TagPrefix + "map"))
            throw new ConfigException(At(start.Start), $"unsupported YAML tag '{tag}' on a mapping");
        var own = new List<KeyValuePair<string, ConfigNode>>();
        var merged = new List<KeyValuePair<string, ConfigNode>>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyStart = parser.Current!.Start;
            var isMergeKey = parser.Current is Scalar { Style: ScalarStyle.Plain, Value: "<<" } s && s.Tag.IsEmpty;
            var key = ReadNode(parser);
            var value = ReadNode(parser);
            if (isMergeKey)
                merged.AddRange(MergeSources(value));
            else
                own.Add(new(KeyText(key, keyStart), value));
        }

        // PyYAML's flatten_mapping: merged pairs first, own pairs after, later duplicates win but keep the first position.
        var map = new ConfigMap(At(start.Start));
        foreach (var (k, v) in merged.Concat(own)) map.Set(k, v);
        return map;
    }

    private static IEnumerable<KeyValuePair<string, ConfigNode>> MergeSources(ConfigNode value) => value switch
    {
        ConfigMap m => m.Entries,
        // With a sequence of mappings, earlier mappings win over later ones.
        ConfigList l => l.Items.AsEnumerable().Reverse().SelectMany(i => i is ConfigMap m
            ? m.Entries
            : throw new ConfigException(i.Location, "a '<<' merge list may hold only mappings")),
        _ => throw new ConfigException(value.Location, "a '<<' merge key needs a mapping or a list of mappings"),
    };

    private string KeyText(ConfigNode key, Mark start) => key switch
    {
        ConfigScalar s => s.Text,
        _ => throw new ConfigException(At(start), "a mapping key must be a plain value, not a list or a mapping"),
    };

    private static string Describe(ConfigNode node) => node switch
    {
        ConfigList => "list",
        ConfigScalar s => $"{s.PythonType} ('{s.Text}')",
        _ => "mapping",
    };
}
