using Seg.Core.Registry;

// Seg's built-in models and losses: found by the same registry scan as plugins.
[assembly: SegComponentAssembly]
