using System.Reflection;

namespace Seg.Core.Registry;

/// <summary>
/// One registered component: its <c>type:</c> name and kind, the class, and the options class its
/// constructor takes. The pattern every component follows:
/// <code>
/// [SegComponent("DiceLoss", ComponentKind.Loss)]
/// public sealed class DiceLoss(DiceLossOptions options) { ... }
/// public sealed record DiceLossOptions { public int IgnoreIndex { get; init; } = 255; ... }
/// </code>
/// The options class has a public parameterless constructor; its properties are the YAML keys
/// (snake_case of the property name, or <see cref="ConfigNameAttribute"/>), <c>required</c> properties
/// are required keys and initialisers are PaddleSeg's defaults. Code uses the same constructor:
/// <c>new DiceLoss(new DiceLossOptions { IgnoreIndex = 0 })</c>.
/// </summary>
public sealed class ComponentRegistration
{
    private readonly ConstructorInfo constructor;

    private ComponentRegistration(string name, ComponentKind kind, Type componentType, ConstructorInfo constructor)
    {
        Name = name;
        Kind = kind;
        ComponentType = componentType;
        this.constructor = constructor;
        OptionsType = constructor.GetParameters()[0].ParameterType;
    }

    public string Name { get; }

    public ComponentKind Kind { get; }

    public Type ComponentType { get; }

    public Type OptionsType { get; }

    public Assembly Assembly => ComponentType.Assembly;

    /// <summary>"assembly Name (path)" for messages.</summary>
    public string AssemblyDescription
    {
        get
        {
            var location = Assembly.Location;
            return location.Length == 0 ? $"assembly {Assembly.GetName().Name}" : $"assembly {Assembly.GetName().Name} ({location})";
        }
    }

    /// <summary>Builds the component from an options object of <see cref="OptionsType"/>.</summary>
    public object Create(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return constructor.Invoke([options]);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Reads the attribute and checks the class's shape; throws <see cref="ComponentDefinitionException"/>.</summary>
    public static ComponentRegistration FromType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var attribute = type.GetCustomAttribute<SegComponentAttribute>(inherit: false)
            ?? throw new ComponentDefinitionException($"{type.FullName} has no [SegComponent] attribute.");
        var where = $"{type.FullName} (component '{attribute.Name}' in assembly {type.Assembly.GetName().Name})";
        if (string.IsNullOrWhiteSpace(attribute.Name))
            throw new ComponentDefinitionException($"{type.FullName}: [SegComponent] needs a non-empty name.");
        if (!Enum.IsDefined(attribute.Kind))
            throw new ComponentDefinitionException($"{where}: unknown kind {(int)attribute.Kind}.");
        if (type.IsAbstract || type.IsGenericTypeDefinition || !type.IsClass)
            throw new ComponentDefinitionException($"{where} must be a non-abstract, non-generic class.");

        var candidates = type.GetConstructors()
            .Where(c => c.GetParameters() is [var p] && OptionsSchema.IsOptionsType(p.ParameterType))
            .ToList();
        return candidates.Count switch
        {
            1 => new ComponentRegistration(attribute.Name, attribute.Kind, type, candidates[0]),
            0 => throw new ComponentDefinitionException(
                $"{where} needs a public constructor taking one options object (a class with a public parameterless constructor)."),
            _ => throw new ComponentDefinitionException(
                $"{where} has {candidates.Count} public constructors taking one options object; keep exactly one."),
        };
    }

    public override string ToString() => $"{Kind} {Name} ({ComponentType.FullName}, {Assembly.GetName().Name})";
}
