namespace Seg.Pssl.Demo;

/// <summary>
/// A PSSL-style pseudo mask: the top decile of a smooth "explanation" map, not the object's shape. Real PSSL thresholds
/// an ensemble of classifier explanations of an ImageNet photo; here the map is an anisotropic Gaussian near (not at)
/// the object's centre, about as wide as the object, plus a weaker bump elsewhere in some images, so the mask is a
/// blob that misses parts of the object and takes in some background, always 10 % of the pixels.
/// </summary>
internal static class DemoPseudoMask
{
    public static byte[] TopDecile(int width, int height, double cx, double cy, double size, DemoRandom random)
    {
        var mx = cx + (random.Uniform(-0.3, 0.3) * size);
        var my = cy + (random.Uniform(-0.3, 0.3) * size);
        var sx = size * random.Uniform(0.5, 0.9);
        var sy = size * random.Uniform(0.5, 0.9);
        var spurious = random.NextDouble() < 0.4;
        var (bx, by, bs, bw) = (random.Uniform(0, width), random.Uniform(0, height), size * random.Uniform(0.3, 0.6), random.Uniform(0.3, 0.6));
        var map = new double[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = Math.Exp(-((Math.Pow(x - mx, 2) / (2 * sx * sx)) + (Math.Pow(y - my, 2) / (2 * sy * sy))));
                if (spurious) v += bw * Math.Exp(-(Math.Pow(x - bx, 2) + Math.Pow(y - by, 2)) / (2 * bs * bs));
                map[(y * width) + x] = v + (random.NextDouble() * 1e-6);
            }
        }
        var threshold = map.Order().ElementAt((int)(map.Length * 0.9));
        return map.Select(v => v >= threshold ? (byte)1 : (byte)0).ToArray();
    }
}
