using System.Reflection;
using System.Runtime.ExceptionServices;

namespace AkkaZk.Actors.Internal;

internal sealed partial class ActorCell
{
    private bool _terminating;

    /// <summary>Makes a child of a parent that is already stopping: it is born dead, so its messages go to dead letters.</summary>
    internal void StartDead()
    {
        _terminating = true;
        Mailbox.Close();
    }

    private void Create()
    {
        try
        {
            NewActor().AroundPreStart();
        }
        catch (Exception ex)
        {
            HandleFailure(new ActorInitializationException(_self, $"{_self.Path}: exception during creation", ex));
        }
    }

    private ActorBase NewActor()
    {
        var previous = t_creating;
        t_creating = this;
        ActorBase actor;
        try
        {
            actor = _props.NewActor();
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            // Props.Create<T>() goes through Activator, which wraps what the constructor threw.
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        finally
        {
            t_creating = previous;
        }

        if (!ReferenceEquals(actor.Cell, this))
        {
            throw new ActorInitializationException(_self, "Props must create a new actor instance each time it is called");
        }

        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = _timers ??= new TimerScheduler(this);
        }

        if (actor is IWithStash withStash)
        {
            withStash.Stash = _stash ??= new ActorStash(this);
        }

        actor.OnConstructed(_props.SupervisorStrategy);
        _actor = actor;
        return actor;
    }

    /// <summary>Stops the children first; the actor itself finishes once the last of them has terminated.</summary>
    private void Terminate()
    {
        if (_terminating)
        {
            return;
        }

        List<ChildEntry> children;
        lock (_children)
        {
            _terminating = true;
            children = [.. _children.Values];
        }

        _timers?.CancelAll();
        AbandonAsync();
        foreach (var child in children)
        {
            child.Stopping = true;
            child.Ref.SendSystemMessage(SystemMessages.Terminate.Instance);
        }

        if (children.Count == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        if (_actor is { } actor)
        {
            try
            {
                actor.AroundPostStop();
            }
            catch (Exception ex)
            {
                KernelLog.HookFailed(Log, ex, _self.Path.ToString(), "PostStop");
            }
        }

        _actor = null;
        _stash?.DropAll();
        Mailbox.Close();
        NotifyWatchersOfDeath();
    }
}
