"""Faults in a three-server ensemble, driven by the conductor: a leader cut off from both followers, a leader
stopped with SIGSTOP, a rolling restart under write load, and the migration from Apache ZooKeeper 3.8 to AkkaZk by
replacing one server at a time under write load.

With AKKAZK_TARGET=apache the same scenarios run on all-ZooKeeper ensembles (the migration becomes a rolling
replacement of ZooKeeper servers by fresh ZooKeeper servers): the oracle for their expectations.
"""
import time

import pytest
from kazoo.security import OPEN_ACL_UNSAFE, make_digest_acl

from acked_writer import AckedWriter
from conductor import Conductor
from conftest import TARGET, stop_client, wait_until

KINDS = {
    "akkazk": ("akkazk", "akkazk", "akkazk"),
    "1zookeeper+2akkazk": ("apache", "akkazk", "akkazk"),
} if TARGET == "akkazk" else {"zookeeper": ("apache", "apache", "apache")}
# Mixed the other way round for the rolling restart, so both mixes are covered.
ROLLING_KINDS = {
    "akkazk": ("akkazk", "akkazk", "akkazk"),
    "2zookeeper+1akkazk": ("apache", "apache", "akkazk"),
} if TARGET == "akkazk" else {"zookeeper": ("apache", "apache", "apache")}
REPLACEMENT = {"zookeeper-to-akkazk": "akkazk"} if TARGET == "akkazk" else {"zookeeper-to-zookeeper": "apache"}


def started(kinds, **kw):
    conductor = Conductor(kinds, **kw)
    try:
        conductor.start()
    except BaseException:
        conductor.cleanup()
        raise
    return conductor


@pytest.fixture(params=list(KINDS), ids=list(KINDS))
def conductor(request):
    c = started(KINDS[request.param])
    yield c
    c.cleanup()


@pytest.fixture(params=list(ROLLING_KINDS), ids=list(ROLLING_KINDS))
def rolling(request):
    c = started(ROLLING_KINDS[request.param])
    yield c
    c.cleanup()


def create_all(client, path, names):
    client.ensure_path(path)
    return [client.create(f"{path}/{name}", name.encode()) for name in names]


@pytest.mark.parametrize("silent", [False, True], ids=["connections-closed", "connections-silent"])
def test_a_leader_cut_off_from_both_followers_cannot_commit(conductor, silent):
    old = conductor.leader()
    followers = [i for i in conductor.servers if i != old]
    on_old = conductor.client(old)
    acked = create_all(on_old, "/partition", [f"before-{j}" for j in range(20)])

    conductor.isolate(old, silent=silent)
    cut_at = time.monotonic()
    attempt = on_old.create_async("/partition/minority", b"never acknowledged")
    # Without a quorum the old leader stops serving within syncLimit (a few ticks of slack), and acknowledges nothing.
    wait_until(lambda: conductor.mode(old) != "leader", conductor.sync_limit_s + 5,
               message=f"the old leader {old} steps down")
    stepped_down_after = time.monotonic() - cut_at
    new = conductor.leader(among=followers)
    on_new = conductor.client(new)
    acked += create_all(on_new, "/partition", [f"after-{j}" for j in range(20)])
    with pytest.raises(Exception):
        attempt.get(timeout=conductor.sync_limit_s + 5)
    stop_client(on_old)  # a request still queued in the client must not reach the healed ensemble

    conductor.heal()
    wait_until(lambda: conductor.mode(old) == "follower", 60, message=f"the old leader {old} follows")
    conductor.wait_caught_up(old)
    conductor.assert_all_have("/partition", acked)
    probe = conductor.client(old)
    probe.sync("/partition")
    assert sorted(probe.get_children("/partition")) == sorted(p.rsplit("/", 1)[1] for p in acked)
    assert stepped_down_after <= conductor.sync_limit_s + 2 * conductor.tick_ms / 1000 + 1, stepped_down_after


class LeaderWatch:
    """Samples every member's srvr between rounds of a scenario; two members claiming to lead in one round must
    be in different epochs (the stale one steps down), never the same."""

    def __init__(self, conductor):
        self.conductor = conductor
        self.conflicts = []

    def sample(self):
        leaders = {}
        for n in self.conductor.servers:
            status = self.conductor.status(n, timeout=1)
            if status and status[0] == "leader":
                leaders[n] = status[1] >> 32
        if len(set(leaders.values())) < len(leaders):
            self.conflicts.append(leaders)
        return leaders


def test_a_paused_leader_is_replaced_and_rejoins_without_split_brain(conductor):
    old = conductor.leader()
    others = [i for i in conductor.servers if i != old]
    hosts = ",".join(conductor.servers[i].hosts for i in others)
    writer = AckedWriter(hosts, "/paused").start()
    try:
        writer.wait_for_progress()
        conductor.pause(old)
        new = conductor.leader(among=others)
        writer.wait_for_progress()
        watch = LeaderWatch(conductor)
        conductor.resume(old)
        # Until the old leader follows, at most one member leads each epoch; writes go on.
        wait_until(lambda: watch.sample().keys() == {new} and conductor.mode(old) == "follower", 60,
                   message=f"{new} alone leads and {old} follows")
        writer.wait_for_progress()
        assert watch.conflicts == []
    finally:
        acked = writer.stop()
    conductor.wait_caught_up(old)
    conductor.assert_all_have("/paused", acked)


def test_a_rolling_restart_under_write_load_keeps_every_acknowledged_write(rolling):
    writer = AckedWriter(rolling.hosts, "/rolling").start()
    try:
        writer.wait_for_progress()
        for n in rolling.servers:
            rolling.exit(n)
            writer.wait_for_progress()  # the other two commit without it
            rolling.restart(n)
            rolling.wait_caught_up(n)
            writer.wait_for_progress()
    finally:
        acked = writer.stop()
    assert len(acked) >= 140
    rolling.assert_all_have("/rolling", acked)


@pytest.mark.parametrize("replacement", list(REPLACEMENT.values()), ids=list(REPLACEMENT))
def test_zookeeper_servers_replaced_one_at_a_time_under_write_load(replacement):
    # Sessions of 30 s: the writer's session outlives every replacement, its ephemeral with it.
    conductor = started(("apache", "apache", "apache"), extra_cfg={"maxSessionTimeout": "30000"})
    try:
        migrate(conductor, replacement)
    finally:
        conductor.cleanup()


def migrate(conductor, replacement):
    setup = conductor.client(1)
    setup.create("/migration-config", b"c" * 65536)
    setup.create("/migration-secret", b"s", acl=[make_digest_acl("migrator", "secret", all=True), *OPEN_ACL_UNSAFE])
    before = snapshot_of(setup, KEPT)
    leader = conductor.leader()
    # Followers first, the leader last: one election only.
    order = [i for i in conductor.servers if i != leader] + [leader]
    # The writer starts on the second server replaced, so its session moves to the first, already replaced, while
    # a ZooKeeper server still leads (the leader must learn the session's new owner: REVALIDATE).
    hosts = ",".join(conductor.servers[i].hosts for i in (order[1], order[0], order[2]))
    writer = AckedWriter(hosts, "/migration", session_timeout=30.0, randomize_hosts=False).start()
    try:
        session = writer.client.client_id
        writer.client.create("/migration-owner", b"writer", ephemeral=True)
        writer.wait_for_progress()
        for n in order:
            conductor.replace(n, replacement)
            conductor.wait_caught_up(n)
            writer.wait_for_progress()
        # One session throughout: it moved from server to server, its ephemeral with it.
        assert writer.client.client_id == session
        for n in conductor.servers:
            assert snapshot_of(conductor.client(n), KEPT + ["/migration-owner"]) == {
                **before, "/migration-owner": (b"writer", OPEN_ACL_UNSAFE)}, f"member {n}"
    finally:
        acked = writer.stop()
    assert [srv.target for srv in conductor.servers.values()] == [replacement] * 3
    conductor.assert_all_have("/migration", acked)


KEPT = ["/migration-config", "/migration-secret"]


def snapshot_of(client, paths):
    """Data and ACL of each path, after a sync."""
    client.sync("/")
    return {p: (client.get(p)[0], client.get_acls(p)[0]) for p in paths}
