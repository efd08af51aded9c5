namespace AkkaZk.Actors.Internal;

/// <summary>One behaviour of a ReceiveActor: handlers tried in the order they were declared.</summary>
internal sealed class ReceiveHandlers
{
    private readonly List<Func<object, bool>> _handlers = [];

    public void Add(Func<object, bool> handler) => _handlers.Add(handler);

    public bool TryHandle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler(message))
            {
                return true;
            }
        }

        return false;
    }
}
