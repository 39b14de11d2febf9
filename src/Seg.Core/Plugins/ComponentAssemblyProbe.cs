using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Seg.Core.Registry;

namespace Seg.Core.Plugins;

/// <summary>
/// Reads a file's metadata, without loading it, to tell component assemblies (those with
/// <see cref="SegComponentAssemblyAttribute"/>) from the dependencies that lie next to them.
/// </summary>
internal static class ComponentAssemblyProbe
{
    private static readonly string MarkerNamespace = typeof(SegComponentAssemblyAttribute).Namespace!;
    private static readonly string MarkerName = nameof(SegComponentAssemblyAttribute);

    /// <summary>True for a component assembly, false for another .NET assembly; throws <see cref="BadImageFormatException"/> for anything else.</summary>
    internal static bool IsComponentAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) throw new BadImageFormatException("not a .NET assembly (no metadata)");
        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly) throw new BadImageFormatException("not a .NET assembly (a module without a manifest)");
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var ctor = reader.GetCustomAttribute(handle).Constructor;
            var (ns, name) = ctor.Kind switch
            {
                HandleKind.MemberReference => TypeOf(reader, reader.GetMemberReference((MemberReferenceHandle)ctor).Parent),
                HandleKind.MethodDefinition => TypeOf(reader, reader.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType()),
                _ => ("", ""),
            };
            if (ns == MarkerNamespace && name == MarkerName) return true;
        }
        return false;
    }

    private static (string Namespace, string Name) TypeOf(MetadataReader reader, EntityHandle type) => type.Kind switch
    {
        HandleKind.TypeReference => (reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Namespace), reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name)),
        HandleKind.TypeDefinition => (reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace), reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Name)),
        _ => ("", ""),
    };
}
