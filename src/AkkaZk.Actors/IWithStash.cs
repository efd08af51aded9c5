namespace AkkaZk.Actors;

/// <summary>An actor that implements this gets its <see cref="Stash"/> set after construction, before PreStart.</summary>
public interface IWithStash
{
    IStash Stash { get; set; }
}
