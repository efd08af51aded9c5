namespace AkkaZk.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the instance with a fresh one from its Props; the failing message is dropped.</summary>
    Restart,

    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so its own supervisor decides.</summary>
    Escalate,
}
