global using Seg.Torch;
