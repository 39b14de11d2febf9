using Seg.Core.Registry;

// PSSLDataset and PSSL tooling: found by the same registry scan as plugins.
[assembly: SegComponentAssembly]
