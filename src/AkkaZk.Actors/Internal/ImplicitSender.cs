namespace AkkaZk.Actors.Internal;

/// <summary>The sender used by <c>Tell(message)</c> without an explicit sender.</summary>
internal static class ImplicitSender
{
    // The TestKit sets this for the test's async flow so that replies come back to TestActor, as in Akka.NET's TestKit.
    private static readonly AsyncLocal<IActorRef?> s_flowSender = new();

    public static IActorRef? Current => ActorCell.Current?.Self ?? s_flowSender.Value;

    public static void SetForCurrentFlow(IActorRef? sender) => s_flowSender.Value = sender;
}
