global using NUnit.Framework;
global using Seg.Torch;
