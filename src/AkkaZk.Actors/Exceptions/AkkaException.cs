namespace AkkaZk.Actors;

/// <summary>Base of the kernel's own exceptions, as in Akka.NET.</summary>
public abstract class AkkaException : Exception
{
    protected AkkaException(string message, Exception? cause = null)
        : base(message, cause)
    {
    }
}
