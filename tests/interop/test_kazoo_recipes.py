"""kazoo's recipes (python3-kazoo 2.8) against the target server: Lock, Election, Counter,
Barrier, DoubleBarrier, Queue, LockingQueue, Party, ShallowParty, Semaphore, TreeCache, and the
DataWatch/ChildrenWatch helpers, including across a server restart.

Every wait is bounded; a contender that must still be waiting is checked after the server
shows it queued (its node exists), never after a sleep.
"""
import threading

import pytest
from kazoo.client import KazooState
from kazoo.recipe.cache import TreeCache, TreeEvent

from conftest import wait_until

# kazoo 2.8's recipes call Event.isSet()
pytestmark = pytest.mark.filterwarnings(r"ignore:isSet\(\) is deprecated:DeprecationWarning")

T = 15.0  # bound on any single wait
FAST_RETRY = dict(max_tries=-1, delay=0.01, backoff=1.3, max_delay=0.2)


def run_thread(target, *args):
    """Start a daemon thread; returns (thread, result) where result["value"]/["error"] get filled."""
    result = {}

    def body():
        try:
            result["value"] = target(*args)
        except BaseException as e:  # reported by the test through result["error"]
            result["error"] = e

    t = threading.Thread(target=body, daemon=True)
    t.start()
    return t, result


def joined(t, result, timeout=T):
    t.join(timeout)
    assert not t.is_alive(), "thread did not finish in time"
    if "error" in result:
        raise result["error"]
    return result.get("value")


# ---------------------------------------------------------------- Lock

def test_lock_contention_is_fifo(server, zk_factory, base):
    path = base + "/lock"
    clients = [zk_factory(server) for _ in range(3)]
    locks = [c.Lock(path, f"client-{i}") for i, c in enumerate(clients)]
    order = []
    order_lock = threading.Lock()

    assert locks[0].acquire(timeout=T)
    assert locks[0].is_acquired

    def take(i):
        ok = locks[i].acquire(timeout=T)
        with order_lock:
            order.append(i)
        return ok

    waiters = []
    for i in (1, 2):  # queue client-1, then client-2 (its node is created after client-1's)
        waiters.append(run_thread(take, i))
        wait_until(lambda: len(locks[0].contenders()) == i + 1, T, message=f"{i + 1} contenders")
    assert locks[0].contenders() == ["client-0", "client-1", "client-2"]
    assert order == []  # both queued behind the holder

    # a non-blocking try by a fourth party fails while the lock is held
    probe = zk_factory(server).Lock(path, "probe")
    assert probe.acquire(blocking=False) is False

    locks[0].release()
    assert joined(*waiters[0]) is True
    assert order == [1] and locks[1].is_acquired and not locks[2].is_acquired
    locks[1].release()
    assert joined(*waiters[1]) is True
    assert order == [1, 2]
    locks[2].release()
    assert clients[0].get_children(path) == []


def test_lock_released_when_holder_session_closes(server, zk_factory, base):
    path = base + "/lock"
    holder, waiter = zk_factory(server), zk_factory(server)
    assert holder.Lock(path, "holder").acquire(timeout=T)
    lock2 = waiter.Lock(path, "waiter")
    t = run_thread(lock2.acquire, True, T)
    wait_until(lambda: len(lock2.contenders()) == 2, T, message="waiter queued")
    holder.stop()  # closeSession: the holder's ephemeral lock node is deleted
    assert joined(*t) is True
    assert lock2.contenders() == ["waiter"]
    lock2.release()


def test_read_write_lock(server, zk_factory, base):
    path = base + "/rw"
    a, b, c = (zk_factory(server) for _ in range(3))
    r1, r2 = a.ReadLock(path, "r1"), b.ReadLock(path, "r2")
    assert r1.acquire(timeout=T) and r2.acquire(timeout=T)  # readers share
    w = c.WriteLock(path, "w")
    t = run_thread(w.acquire, True, T)
    wait_until(lambda: len(w.contenders()) == 3, T, message="writer queued")
    r1.release()
    assert not w.is_acquired
    r2.release()
    assert joined(*t) is True
    assert w.is_acquired
    w.release()


# ---------------------------------------------------------------- Election

def test_election_leader_and_failover(server, zk_factory, base):
    path = base + "/election"
    clients = [zk_factory(server) for _ in range(3)]
    elections = [c.Election(path, f"cand-{i}") for i, c in enumerate(clients)]
    leader_events = [threading.Event() for _ in range(3)]
    step_down = [threading.Event() for _ in range(3)]

    def lead(i):
        leader_events[i].set()
        step_down[i].wait(T)

    threads = [run_thread(elections[0].run, lead, 0)]
    assert leader_events[0].wait(T)
    for i in (1, 2):
        threads.append(run_thread(elections[i].run, lead, i))
        wait_until(lambda: len(elections[0].contenders()) == i + 1, T, message=f"{i + 1} candidates")
    assert elections[0].contenders() == ["cand-0", "cand-1", "cand-2"]
    assert not leader_events[1].is_set() and not leader_events[2].is_set()

    step_down[0].set()  # the leader's function returns: leadership passes to the next in line
    joined(*threads[0])
    assert leader_events[1].wait(T)
    assert not leader_events[2].is_set()

    clients[1].stop()  # the leader's session closes: failover to the last candidate
    assert leader_events[2].wait(T)
    step_down[1].set()
    step_down[2].set()
    joined(*threads[2])
    threads[1][0].join(T)
    assert elections[0].contenders() == []


def test_election_cancel_before_elected(server, zk_factory, base):
    path = base + "/election"
    a, b = zk_factory(server), zk_factory(server)
    leader_in, leave = threading.Event(), threading.Event()
    ea, eb = a.Election(path, "a"), b.Election(path, "b")
    ta = run_thread(ea.run, lambda: (leader_in.set(), leave.wait(T)))
    assert leader_in.wait(T)
    ran = threading.Event()
    tb = run_thread(eb.run, ran.set)
    wait_until(lambda: len(ea.contenders()) == 2, T, message="second candidate queued")
    eb.cancel()
    joined(*tb)
    assert not ran.is_set()
    assert ea.contenders() == ["a"]
    leave.set()
    joined(*ta)


# ---------------------------------------------------------------- Counter

def test_counter_concurrent_increments(server, zk_factory, base):
    path = base + "/counter"
    clients = [zk_factory(server, command_retry=FAST_RETRY) for _ in range(3)]
    per_thread, threads_per_client = 15, 2

    def bump(c):
        counter = c.Counter(path)
        for _ in range(per_thread):
            counter += 1

    threads = [run_thread(bump, c) for c in clients for _ in range(threads_per_client)]
    for t in threads:
        joined(*t, timeout=60)
    total = len(clients) * threads_per_client * per_thread
    assert clients[0].Counter(path).value == total
    data, stat = clients[0].get(path)
    assert data == str(total).encode() and stat.version == total

    fc = clients[1].Counter(base + "/float", default=0.5)
    fc += 2.0
    fc -= 1.0
    assert fc.value == 1.5 and fc.pre_value == 2.5 and fc.post_value == 1.5


def test_counter_curator_compatible(server, zk, base):
    counter = zk.Counter(base + "/cc", support_curator=True)
    counter += 5
    counter -= 2
    assert zk.get(base + "/cc")[0] == b"\x00\x00\x00\x03"
    assert counter.value == 3


# ---------------------------------------------------------------- Barriers

def test_barrier(server, zk_factory, base):
    path = base + "/barrier"
    a, b = zk_factory(server), zk_factory(server)
    assert b.Barrier(path).wait(timeout=T) is True  # no barrier node: passes at once
    a.Barrier(path).create()
    waiter = b.Barrier(path)
    assert waiter.wait(timeout=0.2) is False  # still up: times out
    t = run_thread(waiter.wait, T)
    a.Barrier(path).remove()
    assert joined(*t) is True


def test_double_barrier(server, zk_factory, base):
    path = base + "/double"
    n = 3
    clients = [zk_factory(server) for _ in range(n)]
    barriers = [c.DoubleBarrier(path, n, identifier=f"p{i}") for i, c in enumerate(clients)]
    entered = [threading.Event() for _ in range(n)]

    def enter(i):
        barriers[i].enter()
        entered[i].set()

    threads = [run_thread(enter, i) for i in range(n - 1)]
    wait_until(lambda: len(clients[0].get_children(path)) == n - 1, T, message="two participants in")
    assert not any(e.is_set() for e in entered)  # waiting for the third
    threads.append(run_thread(enter, n - 1))
    for t in threads:
        joined(*t)
    assert all(b.participating for b in barriers)
    names = [c for c in clients[0].get_children(path) if c != "ready"]
    assert sorted(clients[0].get(f"{path}/{c}")[0] for c in names) == [b"p0", b"p1", b"p2"]

    left = [run_thread(b.leave) for b in barriers]
    for t in left:
        joined(*t)
    assert not any(b.participating for b in barriers)
    assert [c for c in clients[0].get_children(path) if c != "ready"] == []


# ---------------------------------------------------------------- Queues

def test_queue_priority_and_single_delivery(server, zk_factory, base):
    path = base + "/queue"
    producer, c1, c2 = (zk_factory(server) for _ in range(3))
    q = producer.Queue(path)
    q.put(b"low-1", priority=200)
    q.put(b"high", priority=10)
    q.put(b"mid", priority=100)
    q.put(b"low-2", priority=200)
    assert len(q) == 4
    assert c1.Queue(path).get() == b"high"
    assert c2.Queue(path).get() == b"mid"

    for i in range(40):
        q.put(f"item-{i}".encode())
    got = {1: [], 2: []}

    def drain(client, key):
        cq = client.Queue(path)
        while True:
            item = cq.get()
            if item is None:
                return
            got[key].append(item)

    ts = [run_thread(drain, c1, 1), run_thread(drain, c2, 2)]
    for t in ts:
        joined(*t, timeout=60)
    items = got[1] + got[2]
    assert sorted(items) == sorted([b"low-1", b"low-2"] + [f"item-{i}".encode() for i in range(40)])
    assert len(q) == 0 and q.get() is None


def test_locking_queue(server, zk_factory, base):
    path = base + "/lq"
    producer, c1, c2 = (zk_factory(server) for _ in range(3))
    q = producer.LockingQueue(path)
    q.put(b"first", priority=1)
    q.put_all([b"second", b"third"], priority=5)
    assert len(q) == 3

    q1, q2 = c1.LockingQueue(path), c2.LockingQueue(path)
    assert q1.get(timeout=T) == b"first"
    assert q1.holds_lock()
    assert q2.get(timeout=T) == b"second"  # the locked entry is skipped by other consumers
    assert q1.release() is True  # back in the queue, unconsumed
    assert q2.consume() is True
    assert len(q) == 2
    assert q1.get(timeout=T) == b"first"
    assert q1.consume() is True
    assert q2.get(timeout=T) == b"third" and q2.consume()
    assert len(q) == 0

    # a get on the empty queue waits for a later put
    t = run_thread(q1.get, T)
    q.put(b"late")
    assert joined(*t) == b"late"
    assert q1.consume()
    assert q1.get(timeout=0.2) is None


# ---------------------------------------------------------------- Party, Semaphore

def test_party_and_shallow_party(server, zk_factory, base):
    for kind in ("Party", "ShallowParty"):
        path = f"{base}/{kind}"
        members = [zk_factory(server) for _ in range(3)]
        parties = [getattr(c, kind)(path, f"m{i}") for i, c in enumerate(members)]
        for p in parties:
            p.join()
        watcher = getattr(members[0], kind)(path)
        assert len(watcher) == 3
        assert sorted(watcher) == ["m0", "m1", "m2"]
        parties[1].leave()
        assert sorted(watcher) == ["m0", "m2"]
        members[2].stop()  # its ephemeral membership node goes with the session
        assert sorted(watcher) == ["m0"]
        parties[0].leave()
        assert len(watcher) == 0


def test_semaphore(server, zk_factory, base):
    path = base + "/sem"
    clients = [zk_factory(server) for _ in range(3)]
    sems = [c.Semaphore(path, f"s{i}", max_leases=2) for i, c in enumerate(clients)]
    assert sems[0].acquire(timeout=T) and sems[1].acquire(timeout=T)
    assert sorted(sems[0].lease_holders()) == ["s0", "s1"]
    assert sems[2].acquire(blocking=False) is False
    t = run_thread(sems[2].acquire, True, T)
    # a blocked acquirer holds the semaphore's internal lock while it waits for a lease
    wait_until(lambda: len(clients[0].get_children(path + "-__lock__")) == 1, T, message="third acquirer waiting")
    assert t[0].is_alive()
    sems[0].release()
    assert joined(*t) is True
    assert sorted(sems[1].lease_holders()) == ["s1", "s2"]
    clients[1].stop()  # a lease held by a closed session is released
    wait_until(lambda: sems[2].lease_holders() == ["s2"], T, message="lease of the closed session gone")
    sems[2].release()
    assert sems[0].lease_holders() == []


# ---------------------------------------------------------------- Watch helpers, TreeCache

def test_data_watch_and_children_watch(server, zk, zk_factory, base):
    other = zk_factory(server)
    path = base + "/dw"
    seen_data, seen_children = [], []
    cond = threading.Condition()

    @zk.DataWatch(path)
    def on_data(data, stat):
        with cond:
            seen_data.append(None if stat is None else (data, stat.version))
            cond.notify_all()

    @zk.ChildrenWatch(base)
    def on_children(children):
        with cond:
            seen_children.append(sorted(children))
            cond.notify_all()

    def wait_for(lst, value):
        with cond:
            assert cond.wait_for(lambda: lst and lst[-1] == value, T), f"{lst} never ended with {value}"

    wait_for(seen_data, None)      # the node does not exist yet
    wait_for(seen_children, [])
    other.create(path, b"v0")
    wait_for(seen_data, (b"v0", 0))
    wait_for(seen_children, ["dw"])
    other.set(path, b"v1")
    wait_for(seen_data, (b"v1", 1))
    other.create(base + "/second")
    wait_for(seen_children, ["dw", "second"])
    other.delete(path)
    wait_for(seen_data, None)
    wait_for(seen_children, ["second"])

    # returning False stops a ChildrenWatch
    stopped = []

    def once(children):
        stopped.append(sorted(children))
        return False

    zk.ChildrenWatch(base, once)
    other.create(base + "/third")
    wait_for(seen_children, ["second", "third"])
    assert stopped == [["second"]]


def test_tree_cache(server, zk, zk_factory, base):
    other = zk_factory(server)
    root = base + "/tree"
    other.create(root + "/a/b", b"ab", makepath=True)
    cache = TreeCache(zk, root)
    events = []
    cond = threading.Condition()

    def listener(event):
        with cond:
            events.append((event.event_type, event.event_data.path if event.event_data else None))
            cond.notify_all()

    cache.listen(listener)
    cache.start()
    try:
        def has(ev):
            with cond:
                assert cond.wait_for(lambda: ev in events, T), f"{ev} not in {events}"

        has((TreeEvent.INITIALIZED, None))
        assert cache.get_data(root + "/a/b").data == b"ab"
        assert cache.get_children(root) == frozenset(["a"])
        other.create(root + "/c", b"c")
        has((TreeEvent.NODE_ADDED, root + "/c"))
        other.set(root + "/a/b", b"changed")
        has((TreeEvent.NODE_UPDATED, root + "/a/b"))
        assert cache.get_data(root + "/a/b").data == b"changed"
        other.delete(root + "/a/b")
        has((TreeEvent.NODE_REMOVED, root + "/a/b"))
        assert cache.get_children(root + "/a") == frozenset()
    finally:
        cache.close()


# ---------------------------------------------------------------- reconnect

def test_watch_helpers_survive_server_restart(fresh_server, zk_factory):
    """The server restarts on the same dataDir within the session timeout: kazoo reconnects to
    the same session. kazoo 2.8 sends no SetWatches; its DataWatch and ChildrenWatch re-read
    (and so re-register) on reconnect, and a later change still reaches them."""
    srv = fresh_server
    zk = zk_factory(srv, timeout=15.0)
    other = zk_factory(srv, timeout=15.0)
    zk.create("/rw/node", b"v0", makepath=True)
    zk.create("/rw/eph", ephemeral=True)
    session = zk.client_id
    states = []
    zk.add_listener(states.append)

    data, children = [], []
    cond = threading.Condition()

    def on_data(d, stat):
        with cond:
            data.append(None if stat is None else d)
            cond.notify_all()

    def on_children(c):
        with cond:
            children.append(sorted(c))
            cond.notify_all()

    zk.DataWatch("/rw/node", on_data)
    zk.ChildrenWatch("/rw", on_children)

    def wait_for(lst, value):
        with cond:
            assert cond.wait_for(lambda: lst and lst[-1] == value, T), f"{lst} never ended with {value}"

    wait_for(data, b"v0")
    wait_for(children, ["eph", "node"])

    srv.restart()  # SIGTERM, start on the same dataDir and port
    wait_until(lambda: KazooState.SUSPENDED in states and zk.state == KazooState.CONNECTED, 30,
               message="kazoo reconnected after the restart")
    assert zk.client_id == session  # same session: not LOST
    assert KazooState.LOST not in states
    assert zk.exists("/rw/eph").ephemeralOwner == session[0]

    wait_until(lambda: other.connected, 30, message="second client reconnected")
    other.set("/rw/node", b"after-restart")
    wait_for(data, b"after-restart")
    other.create("/rw/new")
    wait_for(children, ["eph", "new", "node"])
    other.delete("/rw/node")
    wait_for(data, None)
