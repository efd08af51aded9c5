using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class PropsTests : TestKit.TestKit
{
    [Fact]
    public void Constructor_arguments_are_evaluated_once_when_the_Props_is_made()
    {
        var label = "first";
        var props = Props.Create(() => new Labelled(label, TestActor));
        label = "second";

        var actor = ActorOf(props);
        actor.Tell("restart", TestActor);

        ExpectMsg("first");
        ExpectMsg("first");
        Assert.Equal(typeof(Labelled), props.Type);
        Assert.Equal("second", label);
    }

    [Fact]
    public void An_object_initializer_still_works()
    {
        ActorOf(Props.Create(() => new Labelled("init", TestActor) { Suffix = "!" }));

        ExpectMsg("init!");
    }

    [Fact]
    public void A_parameterless_actor_can_be_made_from_its_type()
    {
        var actor = ActorOf(Props.Create<Plain>());

        actor.Tell("hi", TestActor);

        ExpectMsg("plain hi");
    }

    [Fact]
    public void WithSupervisorStrategy_keeps_the_factory_and_sets_the_strategy()
    {
        var props = Props.Create<Plain>();
        var strategy = new OneForOneStrategy(_ => Directive.Stop);

        var withStrategy = props.WithSupervisorStrategy(strategy);

        Assert.Null(props.SupervisorStrategy);
        Assert.Same(strategy, withStrategy.SupervisorStrategy);
        Assert.Equal(typeof(Plain), withStrategy.Type);
    }

    private sealed class Labelled : ReceiveActor
    {
        private readonly string _label;
        private readonly IActorRef _report;

        public Labelled(string label, IActorRef report)
        {
            _label = label;
            _report = report;
            Receive<string>(_ => throw new InvalidOperationException("restart me"));
        }

        public string Suffix { get; init; } = "";

        protected override void PreStart() => _report.Tell(_label + Suffix);
    }

    private sealed class Plain : ReceiveActor
    {
        public Plain() => Receive<string>(s => Sender.Tell($"plain {s}"));
    }
}
