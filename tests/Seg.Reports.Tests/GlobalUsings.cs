global using NUnit.Framework;
global using Seg.TestSupport;
