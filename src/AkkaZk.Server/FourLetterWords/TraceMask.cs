namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// The server's trace mask (ZooTrace's; 306 by default) that stmk sets and gtmk shows. One per node, shared by the
/// four-letter words of every role the node takes, so a mask set while looking is still in force once it serves.
/// </summary>
public sealed class TraceMask
{
    public const long Default = 306;
    private long _value = Default;

    public long Value => Interlocked.Read(ref _value);

    public long Set(long mask)
    {
        Interlocked.Exchange(ref _value, mask);
        return mask;
    }
}
