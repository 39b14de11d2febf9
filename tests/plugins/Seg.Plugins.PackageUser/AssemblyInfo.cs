using Seg.Core.Registry;

[assembly: SegComponentAssembly]
