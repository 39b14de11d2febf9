using Seg.Core.Registry;

// Seg.Core's own components (transforms, datasets) are found by the same scan as every other assembly's.
[assembly: SegComponentAssembly]
