namespace Seg.Pssl.Demo;

/// <summary>
/// Draws one synthetic "photo": a textured background (noise, gradient or stripes in muted colours) and objects
/// (<see cref="DemoShape"/>) in saturated colours with a per-class texture. Pixels are RGB bytes, row-major; the mask
/// holds, per pixel, 0 for background or 1 + the index of the object drawn there last.
/// </summary>
internal sealed class DemoCanvas
{
    private readonly DemoRandom random;
    private readonly double[] pixels;

    public DemoCanvas(int width, int height, DemoRandom random)
    {
        Width = width;
        Height = height;
        this.random = random;
        pixels = new double[width * height * 3];
        Mask = new byte[width * height];
        PaintBackground();
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Mask { get; }

    /// <summary>Draws a <paramref name="shape"/> of radius <paramref name="size"/> centred at (cx, cy); its mask value is <paramref name="maskValue"/>.</summary>
    public void Draw(DemoShape shape, double cx, double cy, double size, byte maskValue)
    {
        var angle = random.Uniform(0, Math.PI);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var colour = ShapeColour(shape);
        var period = random.Uniform(4, 7);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                double dx = x - cx, dy = y - cy;
                double lx = (dx * cos) + (dy * sin), ly = (-dx * sin) + (dy * cos);
                if (shape == DemoShape.Disc || shape == DemoShape.Ring) (lx, ly) = (dx, dy);
                if (!Inside(shape, lx / size, ly / size)) continue;
                var shade = Texture(shape, lx, ly, size, period);
                var o = ((y * Width) + x) * 3;
                for (var c = 0; c < 3; c++) pixels[o + c] = (colour[c] * shade) + random.Uniform(-12, 12);
                Mask[(y * Width) + x] = maskValue;
            }
        }
    }

    /// <summary>The image as RGB bytes.</summary>
    public byte[] ToRgb() => pixels.Select(v => (byte)Math.Clamp(Math.Round(v), 0, 255)).ToArray();

    private static bool Inside(DemoShape shape, double x, double y) => shape switch
    {
        DemoShape.Disc => (x * x) + (y * y) <= 1,
        DemoShape.Square => Math.Abs(x) <= 0.8 && Math.Abs(y) <= 0.8,
        DemoShape.Triangle => y <= 0.7 && Math.Abs(x) <= 0.9 * (y + 1) / 1.7,
        DemoShape.Ring => (x * x) + (y * y) <= 1 && (x * x) + (y * y) >= 0.3,
        DemoShape.Cross => (Math.Abs(x) <= 0.3 && Math.Abs(y) <= 1) || (Math.Abs(y) <= 0.3 && Math.Abs(x) <= 1),
        _ => false,
    };

    private static double Texture(DemoShape shape, double x, double y, double size, double period) => shape switch
    {
        DemoShape.Disc => 1.0 - (0.45 * Math.Sqrt((x * x) + (y * y)) / size),
        DemoShape.Square => ((int)Math.Floor(x / period) + (int)Math.Floor(y / period)) % 2 == 0 ? 1.0 : 0.65,
        DemoShape.Triangle => Math.Floor(y / (period * 0.6)) % 2 == 0 ? 1.0 : 0.7,
        DemoShape.Ring => 0.85 + (0.15 * Math.Sin(Math.Atan2(y, x) * 6)),
        DemoShape.Cross => ((x * x) + (y * y)) % (period * period * 4) < period * period * 2 ? 1.0 : 0.75,
        _ => 1.0,
    };

    private double[] ShapeColour(DemoShape shape)
    {
        double[] baseColour = shape switch
        {
            DemoShape.Disc => [225, 60, 40],
            DemoShape.Square => [40, 80, 220],
            DemoShape.Triangle => [50, 190, 60],
            DemoShape.Ring => [235, 210, 40],
            _ => [190, 50, 200],
        };
        return baseColour.Select(v => Math.Clamp(v + random.Uniform(-25, 25), 0, 255)).ToArray();
    }

    private void PaintBackground()
    {
        var a = MutedColour();
        var b = MutedColour();
        var kind = random.Next(0, 3);
        var angle = random.Uniform(0, Math.PI);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var period = random.Uniform(6, 20);
        var noise = random.Uniform(8, 30);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var t = kind switch
                {
                    0 => random.NextDouble() * 0.3,
                    1 => (((x * cos) + (y * sin)) / (Width + Height)) + 0.5,
                    _ => Math.Floor(((x * cos) + (y * sin)) / period) % 2 == 0 ? 0.0 : 1.0,
                };
                t = Math.Clamp(t, 0, 1);
                var o = ((y * Width) + x) * 3;
                for (var c = 0; c < 3; c++) pixels[o + c] = (a[c] * (1 - t)) + (b[c] * t) + random.Uniform(-noise, noise);
            }
        }
    }

    private double[] MutedColour()
    {
        var grey = random.Uniform(60, 190);
        return [grey + random.Uniform(-30, 30), grey + random.Uniform(-30, 30), grey + random.Uniform(-30, 30)];
    }
}
