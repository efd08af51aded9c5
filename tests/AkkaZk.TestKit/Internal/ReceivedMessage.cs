using AkkaZk.Actors;

namespace AkkaZk.TestKit.Internal;

internal sealed record ReceivedMessage(object Message, IActorRef Sender);
