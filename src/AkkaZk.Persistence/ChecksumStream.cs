namespace AkkaZk.Persistence;

/// <summary>
/// A write-only pass-through that keeps a running Adler-32 of everything written, as ZooKeeper's
/// CheckedOutputStream around a snapshot. Disposing it does not close the inner stream (the store owns that),
/// so a payload writer that wraps and disposes it does no harm.
/// </summary>
internal sealed class ChecksumStream(Stream inner) : Stream
{
    public uint Checksum { get; private set; } = Adler32.Initial;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Checksum = Adler32.Update(Checksum, buffer);
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
