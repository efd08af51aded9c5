namespace AkkaZk.Consensus;

/// <summary>Collects one step's outputs; a core makes one per Step/Tick and returns <see cref="Build"/>.</summary>
internal sealed class ReadyBuilder<TMessage>
{
    private readonly List<PersistAction> _persist = [];
    private readonly List<Outbound<TMessage>> _send = [];
    private readonly List<long> _disconnect = [];
    private readonly List<ZabTxn> _apply = [];
    private readonly List<ConfigActivation> _activate = [];
    private RoleChange? _roleChange;

    public void Persist(PersistAction action) => _persist.Add(action);

    public void Send(long to, TMessage message) => _send.Add(new Outbound<TMessage>(to, message));

    public void Disconnect(long sid)
    {
        if (!_disconnect.Contains(sid)) _disconnect.Add(sid);
    }

    public void Apply(ZabTxn txn) => _apply.Add(txn);

    public void Activate(ConfigActivation activation) => _activate.Add(activation);

    /// <summary>The first role change of a step wins: later ones are consequences of the same event.</summary>
    public void Role(RoleChange change) => _roleChange ??= change;

    public bool HasRoleChange => _roleChange is not null;

    public Ready<TMessage> Build()
    {
        if (_persist.Count == 0 && _send.Count == 0 && _disconnect.Count == 0 && _apply.Count == 0 && _activate.Count == 0 && _roleChange is null)
            return Ready<TMessage>.Empty;
        return new Ready<TMessage>
        {
            Persist = [.. _persist], Send = [.. _send], Disconnect = [.. _disconnect], Apply = [.. _apply], Activate = [.. _activate],
            RoleChange = _roleChange,
        };
    }
}
