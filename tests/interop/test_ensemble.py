"""Three-server ensembles over ZooKeeper 3.8's own peer protocols: AkkaZk only, and mixed with Apache
ZooKeeper 3.8.0 (2 ZooKeeper + 1 AkkaZk, 1 ZooKeeper + 2 AkkaZk). Clients on any node see one state; the leader's
SIGKILL leaves a new leader with every acknowledged write; a follower that was away catches up (by DIFF, and by
SNAP past the leader's committed-log window) from a leader of either kind; a client whose node dies moves its
session, ephemerals included, to another node.

With AKKAZK_TARGET=apache the same tests run on an all-ZooKeeper ensemble: the oracle for their expectations.
"""
import re

import pytest
from kazoo.client import KazooClient

from conftest import TARGET, stop_client, wait_until
from ensemble import ensemble_fixture

KINDS = {
    "akkazk": ("akkazk", "akkazk", "akkazk"),
    "2zookeeper+1akkazk": ("apache", "apache", "akkazk"),
    "1zookeeper+2akkazk": ("apache", "akkazk", "akkazk"),
} if TARGET == "akkazk" else {"zookeeper": ("apache", "apache", "apache")}
# ZooKeeper's default commitLogCount: a follower further behind than this gets a SNAP.
COMMIT_LOG_COUNT = 500


ensemble = ensemble_fixture(KINDS)


def test_clients_on_every_node_see_one_state(ensemble):
    clients = {i: ensemble.client(i) for i in ensemble.servers}
    for i, c in clients.items():
        c.ensure_path("/one-state")
        for j in range(10):
            c.create(f"/one-state/n{i}-", f"{i}:{j}".encode(), sequence=True)
    # A session's ephemeral is everywhere, and gone everywhere once the session closes.
    clients[1].create("/one-state-eph", b"e", ephemeral=True)
    ensemble.assert_same_data("/one-state", 30)
    for c in clients.values():
        c.sync("/")
        assert c.exists("/one-state-eph") is not None
    stop_client(clients[1])
    for i in (2, 3):
        clients[i].sync("/")
        assert clients[i].exists("/one-state-eph") is None


def test_leader_sigkill_elects_a_new_leader_and_keeps_every_acknowledged_write(ensemble):
    old = ensemble.leader()
    others = [i for i in ensemble.servers if i != old]
    writer = ensemble.client(others[0])
    writer.ensure_path("/failover")
    for j in range(50):
        writer.create(f"/failover/n{j}", str(j).encode())
    ensemble.servers[old].kill9()
    new = ensemble.leader(among=others)
    assert new != old
    wait_until(lambda: all(ensemble.mode(i) in ("leader", "follower") for i in others), 60, message="the survivors serve")
    after = ensemble.client(new)
    after.create("/failover/after", b"new epoch")
    ensemble.assert_same_data("/failover", 51, live=others)
    # The old leader comes back as a follower of the new epoch and has everything (DIFF from the new leader).
    ensemble.servers[old].launch()
    ensemble.servers[old].wait_ready(timeout=60)
    assert ensemble.mode(old) == "follower"
    ensemble.assert_same_data("/failover", 51)


def test_a_follower_far_behind_catches_up_by_snapshot(ensemble):
    leader = ensemble.leader()
    followers = [i for i in ensemble.servers if i != leader]
    # Prefer a follower of the other kind than the leader, so the sync crosses implementations.
    away = next((i for i in followers if ensemble.servers[i].target != ensemble.servers[leader].target), followers[0])
    ensemble.servers[away].stop()
    writer = ensemble.client(leader)
    writer.ensure_path("/far-behind")
    pending = [writer.create_async(f"/far-behind/n{j}", b"x" * 16) for j in range(COMMIT_LOG_COUNT + 100)]
    for p in pending:
        p.get(timeout=30)
    ensemble.servers[away].launch()
    ensemble.servers[away].wait_ready(timeout=60)
    ensemble.assert_same_data("/far-behind", COMMIT_LOG_COUNT + 100)


def test_a_session_moves_to_another_node_when_its_node_dies(ensemble):
    leader = ensemble.leader()
    home = next(i for i in ensemble.servers if i != leader)
    others = [i for i in ensemble.servers if i != home]
    hosts = ",".join(ensemble.servers[i].hosts for i in [home] + others)
    c = KazooClient(hosts=hosts, timeout=10.0, randomize_hosts=False,
                    connection_retry=dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=1.0))
    c.start(timeout=30)
    try:
        assert c._connection._socket.getpeername()[1] == ensemble.servers[home].port
        session = c.client_id[0]
        c.create("/moving-eph", b"mine", ephemeral=True)
        ensemble.servers[home].kill9()
        # The client reconnects to a survivor with the same session; its ephemeral is still there.
        wait_until(lambda: c.connected and c._connection._socket is not None
                   and c._connection._socket.getpeername()[1] != ensemble.servers[home].port, 60,
                   message="the client reconnected elsewhere")
        assert c.client_id[0] == session
        assert c.get("/moving-eph")[0] == b"mine"
        c.set("/moving-eph", b"still mine")
    finally:
        stop_client(c)
    # Closed: the ephemeral is gone on every live node.
    for i in others:
        probe = ensemble.client(i)
        probe.sync("/")
        assert probe.exists("/moving-eph") is None
    ensemble.servers[home].launch()
    ensemble.servers[home].wait_ready(timeout=60)


def test_no_member_logged_a_digest_mismatch(ensemble):
    """Last in the module: across the writes, failovers, DIFF and SNAP catch-ups above, every member (ZooKeeper
    followers of an AkkaZk leader included) found each txn's digest equal to its own tree's. In a mixed ensemble
    AkkaZk members are left out: after a SNAP from a ZooKeeper leader, whose snapshot is fuzzy (serialized while
    txns apply), a follower replays txns the snapshot already holds and may rightly report a mismatch, as a
    ZooKeeper follower would. For the same reason an all-ZooKeeper ensemble is not checked."""
    targets = {srv.target for srv in ensemble.servers.values()}
    if targets == {"apache"}:
        pytest.skip("a ZooKeeper leader's fuzzy SNAP may make its own followers report mismatches")
    mismatch = re.compile(r"digest mismatch|Digests are not matching", re.IGNORECASE)
    for i, srv in ensemble.servers.items():
        if len(targets) > 1 and srv.target != "apache":
            continue
        with open(srv.log_path, errors="replace") as log:
            found = [line for line in log if mismatch.search(line)]
        assert not found, f"member {i} ({srv.target}) logged: {found[:3]}"
