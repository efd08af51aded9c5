"""Ensemble shapes beyond three voters, as processes speaking ZooKeeper 3.8's peer protocols.

Observers of the other kind: 3 Apache ZooKeeper voters with an AkkaZk observer, 2 AkkaZk voters with a ZooKeeper
observer. srvr on the observer says "Mode: observer", conf says peerType=1, mntr names the leader it observes; writes
through a voter and through the observer reach it and fire its watches; the voters go on writing without it and it
catches up (DIFF, SNAP past the commit log, and while writes go on); the leader keeps sessions that ping through
it and expires silent ones; it follows the next leader; losing a majority of the voters stops writes everywhere although
the observer lives, since an observer does not vote. A zoo.cfg peerType other than observer/participant is refused.

Five voters, all AkkaZk and 3 AkkaZk + 2 ZooKeeper: losing two, the leader among them, leaves a leader and every
acknowledged write; losing a third leaves no node serving; the three coming back heal the ensemble with one state.

With AKKAZK_TARGET=apache the same tests run on all-ZooKeeper ensembles of the same shapes: the oracle.
"""
import threading

import pytest
from kazoo.client import KazooClient

from conftest import TARGET, ZkServer, stop_client, wait_until
from ensemble import Ensemble

# Short ticks keep elections and the leader's loss of its quorum (syncLimit ticks) quick.
TICK_MS = 300
NOT_SERVING = "This ZooKeeper instance is not currently serving requests"
# ZooKeeper's default commitLogCount: a learner further behind than this gets a SNAP.
COMMIT_LOG_COUNT = 500

# name -> (kinds by server id 1..n, observer ids)
# Two voters and an observer: were the observer counted, one voter and the observer would still be a quorum.
OBSERVER_SHAPES = {
    "3zookeeper+akkazk-observer": (("apache", "apache", "apache", "akkazk"), (4,)),
    "2akkazk+zookeeper-observer": (("akkazk", "akkazk", "apache"), (3,)),
} if TARGET == "akkazk" else {
    "3zookeeper+zookeeper-observer": (("apache",) * 4, (4,)),
    "2zookeeper+zookeeper-observer": (("apache",) * 3, (3,)),
}
FIVE_VOTER_SHAPES = {
    "5akkazk": ("akkazk",) * 5,
    "3akkazk+2zookeeper": ("akkazk", "apache", "akkazk", "apache", "akkazk"),
} if TARGET == "akkazk" else {"5zookeeper": ("apache",) * 5}


def start(kinds, observers=()):
    ens = Ensemble(kinds, tick_ms=TICK_MS, observers=observers)
    try:
        ens.start()
    except BaseException:
        ens.cleanup()
        raise
    return ens


@pytest.fixture(scope="module", params=list(OBSERVER_SHAPES), ids=list(OBSERVER_SHAPES))
def observed(request):
    ens = start(*OBSERVER_SHAPES[request.param])
    try:
        yield ens
    finally:
        ens.cleanup()


@pytest.fixture(params=list(FIVE_VOTER_SHAPES), ids=list(FIVE_VOTER_SHAPES))
def five(request):
    ens = start(FIVE_VOTER_SHAPES[request.param])
    try:
        yield ens
    finally:
        ens.cleanup()


def mntr(ens, i):
    lines = ens.servers[i].four_letter("mntr", timeout=2).splitlines()
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


def cannot_connect(ens, i):
    """A node looking for a leader refuses sessions: a client cannot connect, so cannot write."""
    c = KazooClient(hosts=ens.servers[i].hosts, timeout=4.0, connection_retry=dict(max_tries=0))
    try:
        c.start(timeout=2)
    except Exception:
        return True
    finally:
        stop_client(c)
    return False


def wait_not_serving(ens, ids):
    wait_until(lambda: all(not ens.serving(i) for i in ids), 30, message=f"{ids} stop serving")
    for i in ids:
        assert NOT_SERVING in ens.servers[i].four_letter("srvr", timeout=2)
        assert cannot_connect(ens, i), f"node {i} ({ens.servers[i].target}) took a session without a quorum"


def write(c, path, names):
    for name in names:
        c.create(f"{path}/{name}", name.encode())
    return list(names)


def healed_and_written_through_the_observer(ens, path, names):
    """Every node up, then names written under path by a client of the observer; returns the observer's id."""
    ens.heal()
    obs = ens.observers[0]
    c = ens.client(obs)
    c.ensure_path(path)
    write(c, path, names)
    return obs


# ---- an observer of the other kind ----

def test_the_observer_sees_writes_through_voters_and_through_itself(observed, events):
    observed.heal()
    obs = observed.observers[0]
    assert observed.mode(obs) == "observer"
    leader = observed.leader(among=observed.voters)
    wait_until(lambda: mntr(observed, leader).get("zk_synced_observers") == "1", 30,
               message="the leader counts its synced observer")
    monitored = {i: mntr(observed, i) for i in observed.servers}
    assert {i: m["zk_quorum_size"] for i, m in monitored.items()} == {i: str(len(observed.voters)) for i in observed.servers}
    assert (monitored[obs]["zk_peer_state"], monitored[obs]["zk_observer_master_id"]) == ("observing - broadcast", str(leader))
    assert monitored[leader]["zk_peer_state"] == "leading - broadcast"
    # conf: every node shows the same membership, and its own peerType (1 for the observer).
    confs = {i: observed.servers[i].four_letter("conf", timeout=2) for i in observed.servers}
    memberships = {conf.split("membership: \n", 1)[1] for conf in confs.values()}
    assert len(memberships) == 1, confs
    assert [line for line in memberships.pop().splitlines() if line.endswith(":observer")] == [
        line for line in confs[obs].splitlines() if line.startswith(f"server.{obs}=")]
    for i, conf in confs.items():
        assert f"\npeerType={1 if i == obs else 0}\n" in conf, f"node {i} ({observed.servers[i].target}): {conf}"
    follower = next(i for i in observed.voters if i != leader)
    via_voter, via_observer = observed.client(follower), observed.client(obs)
    via_voter.ensure_path("/observed")
    watched = events()
    via_observer.sync("/observed")
    via_observer.get_children("/observed", watch=watched)
    names = write(via_voter, "/observed", [f"v{j}" for j in range(10)])
    # The observer learns the commit by INFORM and fires its watches.
    assert watched.wait_for(1)[0].path == "/observed"
    # The observer forwards its clients' writes to the leader.
    names += write(via_observer, "/observed", [f"o{j}" for j in range(10)])
    via_observer.sync("/observed")
    assert sorted(via_observer.get_children("/observed")) == sorted(names)
    observed.assert_same_data("/observed", 20)
    # A session held through the observer owns ephemerals on every node, until it closes.
    via_observer.create("/observed-eph", b"e", ephemeral=True)
    via_voter.sync("/")
    assert via_voter.exists("/observed-eph") is not None
    stop_client(via_observer)
    via_voter.sync("/")
    assert via_voter.exists("/observed-eph") is None


def test_the_leader_keeps_sessions_that_ping_through_the_observer_and_expires_the_others(observed):
    observed.heal()
    obs = observed.observers[0]
    voter = observed.client(observed.voters[0])
    # A session that pings through the observer, with a short timeout (4 ticks) ...
    pinging = KazooClient(hosts=observed.servers[obs].hosts, timeout=4 * TICK_MS / 1000,
                          connection_retry=dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=1.0))
    pinging.start(timeout=30)
    # ... and a canary through the observer that never pings, with a longer one: once the leader has expired the
    # canary, the pinging session has lived several of its timeouts on the touches the observer forwarded.
    try:
        with observed.servers[obs].raw() as canary:
            canary.connect(timeout_ms=12 * TICK_MS)
            assert canary.create("/canary", b"c", flags=1)[0].err == 0
            session = pinging.client_id[0]
            pinging.create("/pinged", b"p", ephemeral=True)
            voter.sync("/")
            assert voter.exists("/canary") is not None
            wait_until(lambda: voter.sync("/") and voter.exists("/canary") is None, 30,
                       message="the leader expires the silent session")
        voter.sync("/")
        assert pinging.client_id[0] == session
        assert voter.exists("/pinged").ephemeralOwner == session
    finally:
        stop_client(pinging)


@pytest.mark.parametrize("missed", [20, COMMIT_LOG_COUNT + 100], ids=["diff", "snap"])
def test_writes_go_on_without_the_observer_and_it_catches_up(observed, missed):
    observed.heal()
    obs = observed.observers[0]
    path = f"/observer-away-{missed}"
    observed.servers[obs].kill9()
    writer = observed.client(observed.leader(among=observed.voters))
    writer.ensure_path(path)
    for p in [writer.create_async(f"{path}/n{j}", b"x" * 16) for j in range(missed)]:
        p.get(timeout=30)
    observed.servers[obs].launch()
    observed.servers[obs].wait_ready(timeout=60)
    assert observed.mode(obs) == "observer"
    observed.assert_same_data(path, missed)


def test_the_observer_catches_up_while_the_voters_keep_writing(observed):
    observed.heal()
    obs = observed.observers[0]
    writer = observed.client(observed.leader(among=observed.voters))
    writer.ensure_path("/under-load")
    written, stop, failures = [], threading.Event(), []

    def keep_writing():
        try:
            while not stop.is_set():
                writer.create(f"/under-load/n{len(written)}", b"x")
                written.append(1)
        except Exception as e:  # the voters never lose their quorum here: any failure is one
            failures.append(e)

    thread = threading.Thread(target=keep_writing, daemon=True)
    thread.start()
    try:
        wait_until(lambda: len(written) >= 50 or failures, 30, message="writes before the restart")
        observed.servers[obs].kill9()
        mark = len(written)
        wait_until(lambda: len(written) >= mark + 100 or failures, 30, message="writes while the observer is down")
        observed.servers[obs].launch()
        observed.servers[obs].wait_ready(timeout=60)
        # The observer syncs while proposals keep coming, and goes on learning them.
        mark = len(written)
        wait_until(lambda: len(written) >= mark + 100 or failures, 30, message="writes after the restart")
    finally:
        stop.set()
        thread.join(30)
    assert not failures, failures
    assert observed.mode(obs) == "observer"
    observed.assert_same_data("/under-load", len(written))


def test_the_observer_follows_the_next_leader(observed):
    names = [f"a{j}" for j in range(5)]
    obs = healed_and_written_through_the_observer(observed, "/next-leader", names)
    voters = observed.voters
    old = observed.leader(among=voters)
    observed.servers[old].kill9()
    survivors = [i for i in voters if i != old]
    if len(survivors) <= len(voters) // 2:
        # One voter of two is no quorum: the next leader is elected once the old one is back.
        observed.servers[old].launch()
        survivors = voters
    new = observed.leader(among=survivors)
    wait_until(lambda: mntr(observed, obs).get("zk_observer_master_id") == str(new), 60,
               message=f"the observer observes {new}")
    names += write(observed.client(obs), "/next-leader", [f"b{j}" for j in range(5)])
    observed.heal()
    observed.assert_same_data("/next-leader", len(names))


def test_losing_a_voter_majority_stops_writes_although_the_observer_lives(observed):
    obs = healed_and_written_through_the_observer(observed, "/voters-lost", ["before"])
    voters = observed.voters
    leader = observed.leader(among=voters)
    # Two followers of three voters, or one of two: the leader and the observer stay, without a majority of voters.
    down = [i for i in voters if i != leader][:len(voters) - len(voters) // 2]
    for i in down:
        observed.servers[i].kill9()
    alive = [i for i in observed.servers if i not in down]
    wait_not_serving(observed, alive)
    assert observed.running(obs)
    observed.heal()
    observed.leader(among=voters)
    wait_until(lambda: observed.mode(obs) == "observer", 60, message="the observer observes again")
    after = observed.client(obs)
    write(after, "/voters-lost", ["after"])
    observed.assert_same_data("/voters-lost", 2)


def test_a_peer_type_other_than_observer_or_participant_is_refused():
    srv = ZkServer(extra_cfg={"peerType": "voter"}, name="peertype")
    try:
        srv.launch()
        wait_until(lambda: srv.proc.poll() is not None, 30, message="the server exits")
        assert srv.proc.returncode != 0
        assert "voter" in srv.log_tail(40)
    finally:
        srv.cleanup()


# ---- five voters ----

def test_five_voters_outlive_two_losses_but_not_three_and_heal(five):
    leader = five.leader()
    others = [i for i in five.servers if i != leader]
    # The leader and, where there is one, a node of the other kind.
    second = next((i for i in others if five.servers[i].target != five.servers[leader].target), others[-1])
    down = [leader, second]
    survivors = [i for i in five.servers if i not in down]
    writer = five.client(survivors[0])
    writer.ensure_path("/five")
    acknowledged = write(writer, "/five", [f"a{j}" for j in range(20)])
    # Writes in flight as the leader dies: each one acknowledged must survive, the others may or may not.
    in_flight = {f"b{j}": writer.create_async(f"/five/b{j}", b"b") for j in range(30)}
    for i in down:
        five.servers[i].kill9()
    for name, result in in_flight.items():
        try:
            result.get(timeout=30)
            acknowledged.append(name)
        except Exception:
            pass

    new = five.leader(among=survivors)
    wait_until(lambda: all(five.serving(i) for i in survivors), 60, message="the three survivors serve")
    for i in survivors:
        acknowledged += write(five.client(i), "/five", [f"c{i}-{j}" for j in range(5)])

    # A third loss, the new leader: two of five are no quorum, nobody serves.
    five.servers[new].kill9()
    wait_not_serving(five, [i for i in survivors if i != new])

    five.heal()
    five.leader()
    probe = five.client(survivors[0])
    probe.sync("/five")
    children = set(probe.get_children("/five"))
    assert set(acknowledged) <= children, f"lost acknowledged writes: {sorted(set(acknowledged) - children)}"
    five.assert_same_data("/five", len(children))
    write(five.client(new), "/five", ["healed"])
    five.assert_same_data("/five", len(children) + 1)
