namespace Seg.Torch.Modules;

// Saving and loading a module's state dict as safetensors.
public abstract partial class Module
{
    /// <summary>Writes state_dict() (in its order) to a safetensors file.</summary>
    public Module save(string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        SafeTensors.Save(path, state_dict(), metadata);
        return this;
    }

    /// <summary>Loads a safetensors file straight into this module with load_state_dict semantics;
    /// the result lists what was skipped.</summary>
    public LoadStateDictResult load(string path, bool strict = true)
    {
        using var file = SafeTensors.Load(path);
        return load_state_dict(file.Tensors, strict);
    }
}
