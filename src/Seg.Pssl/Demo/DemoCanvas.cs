namespace Seg.Pssl.Demo;

/// <summary>
/// Draws one synthetic "photo": a smooth, muted background (low-frequency value noise between two greyish colours,
/// plus grain) and objects (<see cref="DemoShape"/> outlines) covered with a <see cref="DemoTexture"/> in two shades of
/// one hue, the object's class; shape and pattern are drawn at random and say nothing about it. Pixels are RGB bytes, row-major; the
/// mask holds, per pixel, 0 for background or the mask value of the object drawn there last.
/// </summary>
internal sealed class DemoCanvas
{
    // Synsets are 30 degrees apart: a jitter of 6 keeps neighbours apart.
    private const double HueJitter = 6;

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

    /// <summary>
    /// Draws a <paramref name="shape"/> of radius <paramref name="size"/> centred at (cx, cy), covered with <paramref name="texture"/>
    /// in two shades of <paramref name="hue"/> (degrees).
    /// </summary>
    public void Draw(DemoShape shape, DemoTexture texture, double hue, double cx, double cy, double size, byte maskValue)
    {
        var angle = random.Uniform(0, Math.PI);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var patternAngle = random.Uniform(0, Math.PI);
        var (pcos, psin) = (Math.Cos(patternAngle), Math.Sin(patternAngle));
        var period = random.Uniform(5, 9);
        var (ink, paper) = TwoShades(hue);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                double dx = x - cx, dy = y - cy;
                double lx = (dx * cos) + (dy * sin), ly = (-dx * sin) + (dy * cos);
                if (!Inside(shape, lx / size, ly / size)) continue;
                double px = (dx * pcos) + (dy * psin), py = (-dx * psin) + (dy * pcos);
                var colour = Pattern(texture, px, py, period) ? ink : paper;
                var o = ((y * Width) + x) * 3;
                for (var c = 0; c < 3; c++) pixels[o + c] = colour[c] + random.Uniform(-10, 10);
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
        DemoShape.Triangle => y <= 0.7 && Math.Abs(x) <= 1.1 * (y + 1) / 1.7,
        DemoShape.Cross => (Math.Abs(x) <= 0.35 && Math.Abs(y) <= 1) || (Math.Abs(y) <= 0.35 && Math.Abs(x) <= 1),
        _ => false,
    };

    // True where the pattern shows its ink colour; (x, y) are relative to the object's centre, in the pattern's frame.
    private static bool Pattern(DemoTexture texture, double x, double y, double period) => texture switch
    {
        DemoTexture.Stripes => Math.Sin(2 * Math.PI * x / period) >= 0,
        DemoTexture.Checks => (Math.Floor(x / (0.6 * period)) + Math.Floor(y / (0.6 * period))) % 2 == 0,
        DemoTexture.Dots => Math.Pow(x / period - Math.Round(x / period), 2) + Math.Pow(y / period - Math.Round(y / period), 2) < 0.07,
        DemoTexture.Rings => Math.Sin(2 * Math.PI * Math.Sqrt((x * x) + (y * y)) / period) >= 0,
        _ => false,
    };

    // Two shades of one hue (in degrees, jittered a little per object): a saturated one and one mixed towards black or
    // white by a single factor, so both keep the hue; which is the pattern's ink is random.
    private (double[] Ink, double[] Paper) TwoShades(double hue)
    {
        var h = ((((hue + random.Uniform(-HueJitter, HueJitter)) % 360) + 360) % 360) / 60;
        var sector = (int)h;
        var f = h - sector;
        double[] rgb = sector switch
        {
            0 => [1, f, 0],
            1 => [1 - f, 1, 0],
            2 => [0, 1, f],
            3 => [0, 1 - f, 1],
            4 => [f, 0, 1],
            _ => [1, 0, 1 - f],
        };
        var value = random.Uniform(170, 250);
        var bright = rgb.Select(v => 20 + ((value - 20) * v)).ToArray();
        var dark = random.NextDouble() < 0.5;
        var amount = dark ? random.Uniform(0.45, 0.65) : random.Uniform(0.35, 0.55);
        var other = dark ? bright.Select(v => v * amount).ToArray() : bright.Select(v => v + ((255 - v) * amount)).ToArray();
        return random.NextDouble() < 0.5 ? (bright, other) : (other, bright);
    }

    private void PaintBackground()
    {
        var a = MutedColour();
        var b = MutedColour();
        const int cells = 4;
        var grid = new double[(cells + 1) * (cells + 1)];
        for (var i = 0; i < grid.Length; i++) grid[i] = random.NextDouble();
        var grain = random.Uniform(4, 14);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var gx = (double)x / Width * cells;
                var gy = (double)y / Height * cells;
                int ix = (int)gx, iy = (int)gy;
                double fx = Smooth(gx - ix), fy = Smooth(gy - iy);
                var top = Lerp(grid[(iy * (cells + 1)) + ix], grid[(iy * (cells + 1)) + ix + 1], fx);
                var bottom = Lerp(grid[((iy + 1) * (cells + 1)) + ix], grid[((iy + 1) * (cells + 1)) + ix + 1], fx);
                var t = Lerp(top, bottom, fy);
                var o = ((y * Width) + x) * 3;
                for (var c = 0; c < 3; c++) pixels[o + c] = Lerp(a[c], b[c], t) + random.Uniform(-grain, grain);
            }
        }
    }

    private static double Lerp(double a, double b, double t) => a + ((b - a) * t);

    private static double Smooth(double t) => t * t * (3 - (2 * t));

    private double[] MutedColour()
    {
        var grey = random.Uniform(50, 200);
        return [grey + random.Uniform(-20, 20), grey + random.Uniform(-20, 20), grey + random.Uniform(-20, 20)];
    }
}
