namespace Seg.Core.Config;

/// <summary>One sanity check of the resolved config (PaddleSeg's <c>config_checker.Rule</c>); it may correct the config.</summary>
public interface IConfigRule
{
    /// <summary>PaddleSeg's class name for the rule (named in errors).</summary>
    string Name { get; }

    /// <summary>Checks <paramref name="config"/>, correcting it in place; throws <see cref="ConfigException"/> on failure.</summary>
    void Apply(ConfigMap config, ICollection<string> warnings);
}
