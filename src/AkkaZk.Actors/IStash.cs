namespace AkkaZk.Actors;

/// <summary>
/// Sets aside the current message to handle later. Unstashed messages go to the front of the mailbox in the order
/// they were stashed. On restart the stash is unstashed for the new instance; on stop it goes to dead letters.
/// </summary>
public interface IStash
{
    int Count { get; }

    bool IsEmpty { get; }

    void Stash();

    /// <summary>Puts back the oldest stashed message.</summary>
    void Unstash();

    void UnstashAll();

    /// <summary>Forgets everything stashed.</summary>
    void ClearStash();
}
