namespace Seg.Core.Weights.Archives;

/// <summary>A read-only stream that refuses to produce more than a budget of bytes (a decompression bomb guard).</summary>
internal sealed class BudgetStream(Stream inner, long budget, string archive) : Stream
{
    private long produced;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => produced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        produced += n;
        if (produced > budget)
            throw ArchiveGuard.Refuse(archive, $"decompresses to more than {budget} bytes, far beyond what weights of its size need (a zip bomb?)");
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
