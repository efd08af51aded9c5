using Microsoft.Extensions.Logging;

namespace AkkaZk.Actors.Internal;

internal sealed partial class ActorCell
{
    private bool _isFailed;
    private int _suspendCount;
    private object? _failedMessage;

    // Set while a restart waits for the children that PreRestart stopped; the new instance is made once they are gone.
    private Exception? _recreateCause;

    /// <summary>The actor failed: it stops taking messages, suspends its subtree and asks its parent what to do.</summary>
    internal void HandleFailure(Exception cause)
    {
        if (_terminating || _isFailed)
        {
            KernelLog.FailureIgnored(Log, cause, _self.Path.ToString());
            return;
        }

        _isFailed = true;
        _failedMessage = _current.IsEmpty ? null : _current.Message;
        AbandonAsync();
        TellChildren(SystemMessages.Suspend.Instance);
        _parent.SendSystemMessage(new SystemMessages.Failed(_self, cause));
    }

    internal void ResumeChild(ChildEntry child) => child.Ref.SendSystemMessage(SystemMessages.Resume.AfterFailure);

    internal void RestartChild(ChildEntry child, Exception cause) => child.Ref.SendSystemMessage(new SystemMessages.Recreate(cause));

    internal void StopChild(ChildEntry child)
    {
        lock (_children)
        {
            child.Stopping = true;
        }

        child.Ref.SendSystemMessage(SystemMessages.Terminate.Instance);
    }

    internal void LogChildFailure(ChildEntry child, Exception cause, Directive directive)
    {
        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        KernelLog.ChildFailed(child.Ref.Cell.Log, level, cause, child.Ref.Path.ToString(), cause.Message, directive);
    }

    private void HandleChildFailure(IActorRef child, Exception cause)
    {
        // A stale report from an earlier incarnation, or from a child that is being stopped with us anyway.
        if (_terminating || !TryGetChild(child, out var entry))
        {
            return;
        }

        var strategy = _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.Handle(this, entry, cause))
        {
            // Escalate: fail with the child's exception, so the grandparent decides for this whole subtree.
            HandleFailure(cause);
        }
    }

    private void Resume(bool causedByFailure)
    {
        if (causedByFailure)
        {
            _isFailed = false;
            _failedMessage = null;
        }
        else if (_suspendCount > 0)
        {
            _suspendCount--;
        }

        TellChildren(SystemMessages.Resume.AfterSuspend);
    }

    /// <summary>Restart: PreRestart on the failed instance, then (once stopped children are gone) a new one.</summary>
    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        var failedActor = _actor;
        var failedMessage = _failedMessage;
        _timers?.CancelAll();
        AbandonAsync();

        // Stashed messages go back to the front of the mailbox for the new instance, in their order.
        _stash?.UnstashAll();
        _recreateCause = cause;
        if (failedActor is not null)
        {
            try
            {
                failedActor.AroundPreRestart(cause, failedMessage);
            }
            catch (Exception ex)
            {
                KernelLog.HookFailed(Log, ex, _self.Path.ToString(), "PreRestart");
            }
        }

        _actor = null;
        if (!HasStoppingChildren())
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        _recreateCause = null;
        _isFailed = false;
        _failedMessage = null;
        _suspendCount = 0;

        // Children that PreRestart kept are restarted too, so the subtree starts over as one; taken before the
        // new instance's constructor adds children of its own.
        var survivors = ChildEntries();
        try
        {
            NewActor().AroundPostRestart(cause);
        }
        catch (Exception ex)
        {
            HandleFailure(new ActorInitializationException(_self, $"{_self.Path}: exception during restart", ex));
            return;
        }

        var recreate = new SystemMessages.Recreate(cause);
        foreach (var survivor in survivors)
        {
            survivor.Ref.SendSystemMessage(recreate);
        }
    }
}
