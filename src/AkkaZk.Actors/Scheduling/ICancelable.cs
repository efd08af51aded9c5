namespace AkkaZk.Actors;

public interface ICancelable
{
    bool IsCancellationRequested { get; }

    void Cancel();
}
