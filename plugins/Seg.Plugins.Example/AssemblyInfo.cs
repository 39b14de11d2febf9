using Seg.Core.Registry;

// The marker Seg's plugin scan looks for; without it the assembly would be taken for a dependency.
[assembly: SegComponentAssembly]
