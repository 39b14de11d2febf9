using System.Text;

namespace Seg.Cli.Commands;

// Forwards everything to another writer and keeps a copy (the quickstart reads the final mIoU from val's output).
internal sealed class TeeWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder copy = new();

    public override Encoding Encoding => inner.Encoding;

    public string Captured => copy.ToString();

    public override void Write(char value)
    {
        inner.Write(value);
        copy.Append(value);
    }

    public override void Write(string? value)
    {
        inner.Write(value);
        copy.Append(value);
    }

    public override void WriteLine(string? value)
    {
        inner.WriteLine(value);
        copy.AppendLine(value);
    }

    public override void Flush() => inner.Flush();
}
