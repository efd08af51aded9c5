using Microsoft.Extensions.Logging;

namespace AkkaZk.Actors.Internal;

/// <summary>The kernel's log lines, generated so that a disabled level costs nothing.</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Dead letter: {MessageType} from {Sender} to {Recipient}")]
    public static partial void DeadLetter(ILogger logger, string messageType, string sender, string recipient);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Unhandled message: {MessageType} from {Sender} to {Recipient}")]
    public static partial void Unhandled(ILogger logger, string messageType, string sender, string recipient);

    [LoggerMessage(EventId = 3, Message = "{Child} failed ({Reason}); directive {Directive}")]
    public static partial void ChildFailed(ILogger logger, LogLevel level, Exception cause, string child, string reason, Directive directive);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{Actor}: {Hook} threw")]
    public static partial void HookFailed(ILogger logger, Exception cause, string actor, string hook);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Actor} failed while stopping or awaiting its supervisor; the failure is ignored")]
    public static partial void FailureIgnored(ILogger logger, Exception cause, string actor);

    [LoggerMessage(EventId = 6, Level = LogLevel.Critical, Message = "The user guardian of {System} failed; the system terminates")]
    public static partial void GuardianFailed(ILogger logger, Exception cause, string system);
}
