using System.Reflection;

namespace Seg.Torch.Modules;

/// <summary>
/// The base of every layer and model (as torch.nn.Module): parameters, buffers and submodules registered
/// under names, in registration order. A module owns its registered tensors (they are detached from
/// dispose scopes on registration) and frees them, and its children, on Dispose.
/// </summary>
public abstract partial class Module : IDisposable
{
    private readonly OrderedDictionary<string, Parameter> parameters_ = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Tensor> buffers_ = new(StringComparer.Ordinal);
    private readonly HashSet<string> nonPersistent = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Module> modules_ = new(StringComparer.Ordinal);
    private bool componentsRegistered;
    private bool disposed;

    protected Module(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        this.name = name;
    }

    /// <summary>The module's type name, used in messages (PyTorch's class name).</summary>
    public string name { get; }

    public bool IsDisposed => disposed;

    public void register_parameter(string name, Parameter? param)
    {
        CheckName(name, "parameter");
        if (param is null)
        {
            parameters_.Remove(name);
            return;
        }
        CheckKindFree(name, buffers_.ContainsKey(name) || modules_.ContainsKey(name));
        param.DetachFromDisposeScope();
        parameters_[name] = param;
    }

    /// <summary>A tensor that is state but not learned (e.g. running statistics). Non-persistent buffers
    /// are left out of state_dict.</summary>
    public void register_buffer(string name, Tensor? tensor, bool persistent = true)
    {
        CheckName(name, "buffer");
        if (tensor is null)
        {
            buffers_.Remove(name);
            nonPersistent.Remove(name);
            return;
        }
        if (tensor is Parameter) throw new ArgumentException($"cannot register parameter '{name}' as a buffer (use register_parameter)");
        CheckKindFree(name, parameters_.ContainsKey(name) || modules_.ContainsKey(name));
        tensor.DetachFromDisposeScope();
        buffers_[name] = tensor;
        if (persistent) nonPersistent.Remove(name); else nonPersistent.Add(name);
    }

    public void register_module(string name, Module? module)
    {
        CheckName(name, "module");
        if (module is null)
        {
            modules_.Remove(name);
            return;
        }
        if (ReferenceEquals(module, this)) throw new ArgumentException("a module cannot be its own child");
        CheckKindFree(name, parameters_.ContainsKey(name) || buffers_.ContainsKey(name));
        module.RegisterComponents();
        modules_[name] = module;
    }

    /// <summary>Alias of register_module.</summary>
    public void add_module(string name, Module? module) => register_module(name, module);

    /// <summary>
    /// Registers this module's fields in declaration order (base classes first), as TorchSharp:
    /// Module fields become submodules, Parameter fields parameters, other Tensor fields buffers. The key
    /// is the field's name, or its [ComponentName]. Null fields, names registered already and objects
    /// registered under another name are skipped; calling it again does nothing.
    /// </summary>
    public virtual void RegisterComponents()
    {
        if (componentsRegistered) return;
        componentsRegistered = true;
        foreach (var field in ComponentFields(GetType()))
        {
            var value = field.GetValue(this);
            if (value is null) continue;
            var key = field.GetCustomAttribute<ComponentNameAttribute>()?.Name ?? FieldKey(field.Name);
            if (parameters_.ContainsKey(key) || buffers_.ContainsKey(key) || modules_.ContainsKey(key)) continue;
            // Already registered under another name (e.g. BatchNorm2d's running_mean as "_mean").
            if (IsRegistered(value)) continue;
            switch (value)
            {
                case Module m when !ReferenceEquals(m, this): register_module(key, m); break;
                case Parameter p: register_parameter(key, p); break;
                case Tensor t: register_buffer(key, t); break;
            }
        }
    }

    private bool IsRegistered(object value) =>
        parameters_.Values.Any(p => ReferenceEquals(p, value)) || buffers_.Values.Any(b => ReferenceEquals(b, value))
        || modules_.Values.Any(m => ReferenceEquals(m, value));

    private static IEnumerable<FieldInfo> ComponentFields(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t != null && t != typeof(Module); t = t.BaseType) chain.Add(t);
        chain.Reverse();
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var t in chain)
            foreach (var f in t.GetFields(flags).OrderBy(f => f.MetadataToken))
                if (typeof(Module).IsAssignableFrom(f.FieldType) || typeof(Tensor).IsAssignableFrom(f.FieldType)) yield return f;
    }

    // An auto-property's backing field "<weight>k__BackingField" registers as "weight".
    private static string FieldKey(string fieldName) =>
        fieldName.StartsWith('<') && fieldName.IndexOf('>', StringComparison.Ordinal) is var end and > 1 ? fieldName[1..end] : fieldName;

    private static void CheckName(string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new ArgumentException($"{kind} name can't be empty string \"\"");
        if (name.Contains('.', StringComparison.Ordinal)) throw new ArgumentException($"{kind} name can't contain \".\", got: {name}");
    }

    private static void CheckKindFree(string name, bool taken)
    {
        if (taken) throw new ArgumentException($"attribute '{name}' already exists");
    }

    public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, m) in recurse ? named_modules() : [("", this)])
            foreach (var (n, p) in m.parameters_)
                if (seen.Add(p)) yield return (Join(prefix, n), p);
    }

    public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(x => x.parameter);

    public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, m) in recurse ? named_modules() : [("", this)])
            foreach (var (n, b) in m.buffers_)
                if ((include_nonpersistent || !m.nonPersistent.Contains(n)) && seen.Add(b)) yield return (Join(prefix, n), b);
    }

    public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(x => x.buffer);

    public IEnumerable<(string name, Module module)> named_children() => modules_.Select(kv => (kv.Key, kv.Value));

    public IEnumerable<Module> children() => modules_.Values;

    /// <summary>This module ("") and every descendant, pre-order, each once.</summary>
    public IEnumerable<(string name, Module module)> named_modules()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        return NamedModules("", seen);
    }

    private IEnumerable<(string, Module)> NamedModules(string prefix, HashSet<Module> seen)
    {
        if (!seen.Add(this)) yield break;
        yield return (prefix, this);
        foreach (var (n, child) in modules_)
            foreach (var x in child.NamedModules(Join(prefix, n), seen))
                yield return x;
    }

    public IEnumerable<Module> modules() => named_modules().Select(x => x.module);

    public bool has_parameter(string target) => TryResolve(target, out var m, out var leaf) && m.parameters_.ContainsKey(leaf);

    public bool has_buffer(string target) => TryResolve(target, out var m, out var leaf) && m.buffers_.ContainsKey(leaf);

    /// <summary>The parameter at a dotted path such as "backbone.conv1.weight".</summary>
    public Parameter get_parameter(string target) =>
        TryResolve(target, out var m, out var leaf) && m.parameters_.TryGetValue(leaf, out var p) ? p
            : throw new ArgumentException($"{name} has no parameter `{target}`");

    public Tensor get_buffer(string target) =>
        TryResolve(target, out var m, out var leaf) && m.buffers_.TryGetValue(leaf, out var b) ? b
            : throw new ArgumentException($"{name} has no buffer `{target}`");

    public Module get_submodule(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Length == 0) return this;
        var m = this;
        foreach (var part in target.Split('.'))
            m = m.modules_.TryGetValue(part, out var c) ? c : throw new ArgumentException($"{m.name} has no attribute `{part}`");
        return m;
    }

    private bool TryResolve(string target, out Module module, out string leaf)
    {
        ArgumentNullException.ThrowIfNull(target);
        var dot = target.LastIndexOf('.');
        module = this;
        leaf = dot < 0 ? target : target[(dot + 1)..];
        if (dot < 0) return true;
        foreach (var part in target[..dot].Split('.'))
        {
            if (!module.modules_.TryGetValue(part, out var c)) return false;
            module = c;
        }
        return true;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    /// <summary>Total number of elements of all parameters (each shared parameter once).</summary>
    public long parameter_count() => parameters().Sum(p => p.numel());

    // Own registrations, for the state-dict code.
    internal IEnumerable<KeyValuePair<string, Parameter>> OwnParameters => parameters_;

    internal IEnumerable<KeyValuePair<string, Tensor>> OwnPersistentBuffers => buffers_.Where(kv => !nonPersistent.Contains(kv.Key));

    internal IEnumerable<KeyValuePair<string, Module>> OwnChildren => modules_;

    public override string ToString() => name;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the registered parameters and buffers and disposes the children.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing) return;
        disposed = true;
        foreach (var p in parameters_.Values) p.Dispose();
        foreach (var b in buffers_.Values) b.Dispose();
        foreach (var c in modules_.Values) c.Dispose();
        parameters_.Clear();
        buffers_.Clear();
        modules_.Clear();
    }
}
