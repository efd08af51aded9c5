"""Sessions: expiry removes ephemerals, reconnects keep them (PROTOCOL.md 2.3, 2.6; SetWatches is in test_raw_protocol)."""
import threading
import time

from kazoo.client import KazooState
from kazoo.protocol.states import EventType

from conftest import TICK_MS, wait_until

MIN_TIMEOUT_MS = 2 * TICK_MS   # the server's default minSessionTimeout
# Expiry happens at the first tick boundary after last-activity + timeout; allow slack.
EXPIRY_BOUND_S = (MIN_TIMEOUT_MS + 3 * TICK_MS) / 1000.0 + 5
FAST_RETRY = dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=0.5)


class StateLog:
    def __init__(self, client):
        self.states = []
        self._lock = threading.Lock()
        client.add_listener(self)

    def __call__(self, state):
        with self._lock:
            self.states.append(state)

    def seen(self, state):
        with self._lock:
            return state in self.states


def test_session_expiry_removes_ephemerals(server, zk, base, events):
    """A session whose connection drops without closeSession expires after its timeout."""
    path = base + "/eph"
    with server.raw() as raw:
        resp, _ = raw.connect(timeout_ms=MIN_TIMEOUT_MS)
        assert resp.timeout == MIN_TIMEOUT_MS
        header, created = raw.create(path, b"x", flags=1)  # EPHEMERAL
        assert header.err == 0 and created == path
    closed_at = time.monotonic()  # the socket is gone; no closeSession was sent

    stat = zk.exists(path)
    assert stat is not None and stat.ephemeralOwner == resp.session_id
    gone = events()
    zk.exists(path, watch=gone)

    gone.wait_for(1, timeout=EXPIRY_BOUND_S)
    elapsed = time.monotonic() - closed_at
    assert [(e.type, e.path) for e in gone.events] == [(EventType.DELETED, path)]
    assert zk.exists(path) is None
    # not removed on disconnect: only when the 4 s timeout has run out
    assert elapsed >= MIN_TIMEOUT_MS / 1000.0 - 1.0, f"ephemeral removed after {elapsed:.2f}s"

    # the expired session cannot be resumed: 0/0/zero-password reply, then close
    with server.raw() as raw:
        resp2, n = raw.connect(session_id=resp.session_id, passwd=resp.passwd)
        assert (resp2.timeout, resp2.session_id, resp2.passwd) == (0, 0, b"\0" * 16)
        assert raw.read_until_close() == b""


def test_kazoo_sees_expiry_after_partition(server, zk, zk_factory, proxy_factory, base):
    """A partitioned kazoo client comes back to an expired session: LOST, then a new session."""
    proxy = proxy_factory(server)
    client = zk_factory(server, hosts=proxy.hosts, timeout=MIN_TIMEOUT_MS / 1000.0,
                        connection_retry=FAST_RETRY)
    states = StateLog(client)
    old_session = client.client_id[0]
    path = base + "/eph"
    client.create(path, ephemeral=True)

    proxy.cut(block=True)
    wait_until(lambda: zk.exists(path) is None, EXPIRY_BOUND_S, message="ephemeral removed by expiry")
    assert states.seen(KazooState.SUSPENDED)
    proxy.heal()

    wait_until(lambda: states.seen(KazooState.LOST), 20, message="kazoo LOST (session expired)")
    wait_until(lambda: client.connected and client.client_id[0] not in (None, old_session), 20,
               message="kazoo reconnected with a new session")
    assert client.exists(base) is not None
    assert client.exists(path) is None


def test_reconnect_within_timeout_keeps_session(server, zk, zk_factory, proxy_factory, base):
    """A dropped connection resumed in time keeps the session and its ephemerals.

    (kazoo 2.8 drops its watchers on disconnect and sends no SetWatches; the raw
    tests cover SetWatches.)
    """
    proxy = proxy_factory(server)
    client = zk_factory(server, hosts=proxy.hosts, timeout=10.0, connection_retry=FAST_RETRY)
    states = StateLog(client)
    session = client.client_id
    path = base + "/eph"
    client.create(path, b"e", ephemeral=True)

    proxy.cut(block=True)
    wait_until(lambda: states.seen(KazooState.SUSPENDED), 10, message="kazoo SUSPENDED")
    zk.set(path, b"changed while away")
    proxy.heal()
    wait_until(lambda: client.connected and states.states[-1] == KazooState.CONNECTED, 20,
               message="kazoo reconnected")
    assert client.client_id == session
    assert not states.seen(KazooState.LOST)
    assert zk.exists(path).ephemeralOwner == session[0]
    assert client.get(path)[0] == b"changed while away"

    # an immediate reconnect (no refusal) works the same way
    proxy.cut(block=False)
    wait_until(lambda: client.connected and states.states.count(KazooState.CONNECTED) >= 2, 20,
               message="second reconnect")
    assert client.client_id == session
    client.set(path, b"still mine")
    assert zk.get(path)[0] == b"still mine"


def test_resume_session_from_another_connection(server, zk, zk_factory, base):
    """A raw session handed over to kazoo by id and password keeps its ephemerals."""
    path = base + "/handover"
    with server.raw() as raw:
        resp, _ = raw.connect(timeout_ms=10000)
        assert raw.create(path, b"h", flags=1)[0].err == 0
    client = zk_factory(server, client_id=(resp.session_id, resp.passwd))
    assert client.client_id[0] == resp.session_id
    assert zk.exists(path).ephemeralOwner == resp.session_id
    client.stop()  # closeSession removes the ephemerals at once
    assert zk.exists(path) is None


def test_close_session_removes_all_ephemerals_and_fires_watches(server, zk, zk_factory, base, events):
    owner = zk_factory(server)
    paths = [owner.create(f"{base}/e-", ephemeral=True, sequence=True) for _ in range(5)]
    child_log = events()
    assert sorted(zk.get_children(base, watch=child_log)) == sorted(p.rsplit("/", 1)[1] for p in paths)
    owner.stop()
    child_log.wait_for(1)
    assert zk.get_children(base) == []
    assert [(e.type, e.path) for e in child_log.events] == [(EventType.CHILD, base)]


def test_session_survives_server_restart(fresh_server, zk_factory):
    """Sessions are durable: a client that reconnects after a restart keeps its ephemerals."""
    client = zk_factory(fresh_server, timeout=30.0, connection_retry=FAST_RETRY)
    states = StateLog(client)
    session = client.client_id
    client.create("/persistent", b"p")
    client.create("/ephemeral", b"e", ephemeral=True)

    fresh_server.restart()
    wait_until(lambda: states.seen(KazooState.SUSPENDED), 10, message="kazoo SUSPENDED")
    wait_until(lambda: client.connected and states.states[-1] == KazooState.CONNECTED, 30,
               message="kazoo reconnected after restart")
    assert client.client_id == session
    assert client.get("/persistent")[0] == b"p"
    assert client.exists("/ephemeral").ephemeralOwner == session[0]
    client.stop()
    checker = zk_factory(fresh_server)
    assert checker.exists("/ephemeral") is None
