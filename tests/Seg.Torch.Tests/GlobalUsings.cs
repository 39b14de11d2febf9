global using NUnit.Framework;
global using Seg.Torch;
global using Seg.TestSupport;
