using Seg.Core.Registry;

namespace Seg.Models.Layers;

/// <summary>The same checks for options built in code as the config binder runs on options bound from YAML.</summary>
internal static class OptionsValidation
{
    internal static void ThrowIfInvalid(IValidatedOptions options)
    {
        if (options.Validate() is { } problem) throw new ArgumentException($"{problem.Key}: {problem.Reason}");
    }

    internal static void ThrowIfInvalid(IValidatedWithChildren options, ConfiguredChildren children)
    {
        if (options.Validate(children) is { } problem) throw new ArgumentException($"{problem.Key}: {problem.Reason}");
    }

    internal static string List<T>(IEnumerable<T> values) => $"[{string.Join(", ", values)}]";
}
