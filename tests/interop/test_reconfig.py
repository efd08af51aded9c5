"""Dynamic reconfiguration (reconfigEnabled=true) on three-server ensembles, driven by kazoo's reconfig: a
follower removed and added back, the leader removed, and the requests ZooKeeper 3.8 refuses. /zookeeper/config,
conf and the response show the active config as ZooKeeper prints it (server lines, then version=<hex>); the
dynamic config is written to zoo.cfg.dynamic.<version> and read back on restart.

Each runs on AkkaZk alone and mixed with ZooKeeper 3.8.0 (AkkaZk leading ZooKeeper followers and the reverse).
With AKKAZK_TARGET=apache the same tests run on an all-ZooKeeper 3.8.0 ensemble: the oracle for their expectations.
"""
import base64
import hashlib
import os
import subprocess

import pytest
from kazoo.client import KazooClient
from kazoo.exceptions import BadArgumentsError, ConnectionLoss, BadVersionError, NewConfigNoQuorumError, NoAuthError

import jute
from conftest import HOST, TARGET, ZK_CLIENT_CLASSPATH, stop_client, wait_until
from ensemble import Ensemble

# The highest sid wins a fresh election: "akkazk-leads" has an AkkaZk leader with ZooKeeper followers,
# "zookeeper-leads" the other way round.
KINDS = {
    "akkazk": ("akkazk", "akkazk", "akkazk"),
    "akkazk-leads": ("apache", "apache", "akkazk"),
    "zookeeper-leads": ("akkazk", "akkazk", "apache"),
} if TARGET == "akkazk" else {"zookeeper": ("apache", "apache", "apache")}
SUPER = ("super", "reconfig-secret")
SUPER_DIGEST = "super:" + base64.b64encode(hashlib.sha1(":".join(SUPER).encode()).digest()).decode()
RECONFIG_CFG = {"reconfigEnabled": "true", "DigestAuthenticationProvider.superDigest": SUPER_DIGEST}
RECONFIG, RECONFIG_DISABLED = 16, -123
# A new leader versions the static config with its epoch's first zxid (epoch 1 on a fresh ensemble).
FIRST_VERSION = 0x100000000


@pytest.fixture(params=list(KINDS), ids=list(KINDS))
def kinds(request):
    return KINDS[request.param]


@pytest.fixture
def ensembles():
    made = []

    def make(kinds, extra_cfg=None):
        ens = Ensemble(kinds, extra_cfg=extra_cfg)
        made.append(ens)
        ens.start()
        return ens

    yield make
    for ens in made:
        # Shown by pytest only when the test failed.
        for i, srv in ens.servers.items():
            print(f"==== server {i} ({srv.target})\n{srv.log_tail(80)}")
        ens.cleanup()


def admin(ens, i):
    """A kazoo client authenticated as the superDigest user (reconfig needs WRITE on /zookeeper/config)."""
    c = KazooClient(hosts=ens.servers[i].hosts, timeout=10.0, auth_data=[("digest", ":".join(SUPER))],
                    connection_retry=dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=1.0))
    c.start(timeout=30)
    ens._clients.append(c)
    return c


def server_line(ens, i, client=False, role="participant"):
    q, e = ens.peers[i]
    line = f"server.{i}={HOST}:{q}:{e}:{role}"
    return f"{line};{HOST}:{ens.servers[i].port}" if client else line


def config_text(ens, members, version, with_client=(), observers=()):
    lines = [server_line(ens, i, client=i in with_client, role="observer" if i in observers else "participant")
             for i in sorted(members)]
    return "\n".join(lines + [f"version={version:x}"])


def config_of(ens, i):
    c = ens.client(i)
    c.sync("/zookeeper/config")
    data, stat = c.get("/zookeeper/config")
    stop_client(c)
    return data.decode(), stat


def membership(ens, i):
    conf = ens.servers[i].four_letter("conf")
    return conf[conf.index("membership: \n") + len("membership: \n"):]


def assert_everywhere(ens, text, live):
    """Every live server reports the config in /zookeeper/config and in conf."""
    for i in live:
        wait_until(lambda: config_of(ens, i)[0] == text, 30, message=f"/zookeeper/config on {i}")
        wait_until(lambda: membership(ens, i) == text, 30, message=f"conf membership on {i}")


def started(ens):
    """The leader, once every server serves the versioned config (so every follower is synced for NewConfigNoQuorum)."""
    leader = ens.leader()
    assert_everywhere(ens, config_text(ens, ens.servers, FIRST_VERSION), ens.servers)
    return leader


def write(ens, i, path):
    c = ens.client(i)
    c.create(path, b"w")
    stop_client(c)


def no_leader(ens, among):
    return all(ens.mode(i) != "leader" for i in among)


def test_standalone_answers_reconfig_disabled_with_a_zxid_used(server):
    with server.raw() as conn:
        conn.connect()
        created, _ = conn.request(1, jute.create_request("/reconfig-zxid"))
        refused, _ = conn.request(RECONFIG, jute.ustring("") + jute.ustring("1") + jute.ustring(None) + jute.int64(-1))
        deleted, _ = conn.request(2, jute.ustring("/reconfig-zxid") + jute.int32(-1))
    assert (created.err, refused.err, deleted.err) == (0, RECONFIG_DISABLED, 0)
    # As any refused write: the error txn takes a zxid.
    assert (refused.zxid, deleted.zxid) == (created.zxid + 1, created.zxid + 2)


def test_config_node_shows_the_static_config_when_reconfig_is_off(kinds, ensembles):
    ens = ensembles(kinds)
    ens.leader()
    text = config_text(ens, ens.servers, 0)
    for i in ens.servers:
        data, stat = config_of(ens, i)
        assert data == text
        assert (stat.czxid, stat.mzxid, stat.version, stat.aversion) == (0, 0, -1, -1)
        assert membership(ens, i) == text
        with ens.servers[i].raw() as conn:  # kazoo has no exception for ReconfigDisabled (-123)
            conn.connect()
            body = jute.ustring("") + jute.ustring(str(i)) + jute.ustring(None) + jute.int64(-1)
            header, _ = conn.request(RECONFIG, body)
            assert header.err == RECONFIG_DISABLED


def test_remove_a_follower_then_add_it_back(kinds, ensembles):
    ens = ensembles(kinds, RECONFIG_CFG)
    leader = started(ens)
    gone, kept = [i for i in ens.servers if i != leader]

    data, stat = admin(ens, leader).reconfig(joining=None, leaving=str(gone), new_members=None)
    removed = config_text(ens, [leader, kept], stat.mzxid)
    assert data.decode() == removed
    assert stat.version == -1 and stat.mzxid > FIRST_VERSION
    assert_everywhere(ens, removed, ens.servers)
    # The removed server is not shut down: it stays a non-voting follower that serves clients.
    wait_until(lambda: ens.mode(gone) == "follower", 30, message=f"{gone} following as a non-voter")
    write(ens, gone, "/after-remove")

    # Writes need a majority of the new config: the leader and the removed server are not one.
    ens.servers[kept].stop()
    wait_until(lambda: no_leader(ens, [leader, gone]), 30, message="the leader steps down without a quorum of the new config")
    ens.servers[kept].start()
    leader = ens.leader(among=[leader, kept])
    # The restarted server read its dynamic config file back.
    assert_everywhere(ens, removed, ens.servers)
    write(ens, kept, "/after-restart")

    joiner = server_line(ens, gone, client=True)
    data, stat = admin(ens, leader).reconfig(joining=joiner, leaving=None, new_members=None, from_config=stat.mzxid)
    added = config_text(ens, ens.servers, stat.mzxid, with_client=[gone])
    assert data.decode() == added
    assert_everywhere(ens, added, ens.servers)
    # The added server votes again: with the other follower down, the leader and it are a quorum.
    ens.servers[kept].stop()
    write(ens, gone, "/after-add")


def test_a_follower_becomes_an_observer_and_a_participant_again(kinds, ensembles):
    ens = ensembles(kinds, RECONFIG_CFG)
    leader = started(ens)
    moved = max(i for i in ens.servers if i != leader)
    c = admin(ens, leader)
    data, stat = c.reconfig(joining=server_line(ens, moved, client=True, role="observer"), leaving=None, new_members=None)
    observing = config_text(ens, ens.servers, stat.mzxid, with_client=[moved], observers=[moved])
    assert data.decode() == observing
    wait_until(lambda: ens.mode(moved) == "observer", 60, message=f"{moved} observing")
    assert_everywhere(ens, observing, ens.servers)
    write(ens, moved, "/from-the-observer")

    # The observer learns the next config from INFORMANDACTIVATE and follows again.
    data, stat = c.reconfig(joining=server_line(ens, moved, client=True), leaving=None, new_members=None)
    back = config_text(ens, ens.servers, stat.mzxid, with_client=[moved])
    assert data.decode() == back
    wait_until(lambda: ens.mode(moved) == "follower", 60, message=f"{moved} following again")
    assert_everywhere(ens, back, ens.servers)
    write(ens, moved, "/from-the-follower")


def test_a_server_down_during_the_reconfig_learns_it_when_it_comes_back(kinds, ensembles):
    ens = ensembles(kinds, RECONFIG_CFG)
    leader = started(ens)
    away, stays = [i for i in ens.servers if i != leader]
    ens.servers[away].stop()
    data, stat = admin(ens, leader).reconfig(joining=None, leaving=str(away), new_members=None)
    text = config_text(ens, [leader, stays], stat.mzxid)
    assert data.decode() == text
    ens.servers[away].start()
    assert_everywhere(ens, text, ens.servers)
    wait_until(lambda: ens.mode(away) == "follower", 60, message=f"{away} following as a non-voter")
    write(ens, away, "/after-return")


def zkcli_reconfig(ens, i, *args):
    """zkCli.sh (ZooKeeperAdmin) as the super user: returns the config printed after "Committed new configuration:"."""
    zkcli = "/usr/share/zookeeper/bin/zkCli.sh"
    cmd = [zkcli] if os.path.exists(zkcli) else ["java", "-cp", ZK_CLIENT_CLASSPATH, "org.apache.zookeeper.ZooKeeperMain"]
    script = f"addauth digest {':'.join(SUPER)}\nreconfig {' '.join(args)}\nquit\n"
    p = subprocess.run([*cmd, "-server", ens.servers[i].hosts], input=script, capture_output=True, text=True, timeout=60)
    lines = p.stdout.splitlines()
    start = lines.index("Committed new configuration:") + 1
    return "\n".join(lines[start:lines.index("", start)])


def test_zkcli_removes_and_adds_a_server(kinds, ensembles):
    ens = ensembles(kinds, RECONFIG_CFG)
    leader = started(ens)
    gone = min(i for i in ens.servers if i != leader)
    removed = zkcli_reconfig(ens, leader, "-remove", str(gone))
    version = int(removed.rsplit("version=", 1)[1], 16)
    assert removed == config_text(ens, [i for i in ens.servers if i != gone], version)
    assert_everywhere(ens, removed, ens.servers)
    added = zkcli_reconfig(ens, leader, "-add", server_line(ens, gone, client=True))
    version = int(added.rsplit("version=", 1)[1], 16)
    assert added == config_text(ens, ens.servers, version, with_client=[gone])
    assert_everywhere(ens, added, ens.servers)


def test_remove_the_leader_elects_another(kinds, ensembles):
    ens = ensembles(kinds, RECONFIG_CFG)
    old = started(ens)
    others = [i for i in ens.servers if i != old]
    try:
        data, stat = admin(ens, others[0]).reconfig(joining=None, leaving=str(old), new_members=None)
        version = stat.mzxid
    except ConnectionLoss:
        # The follower leaves its leader as soon as the reconfig activates; the reply may not get out first.
        data = None
    new = ens.leader(among=others)
    if data is None:
        data, stat = config_of(ens, new)
        data, version = data.encode(), stat.mzxid
    text = config_text(ens, others, version)
    assert data.decode() == text
    assert_everywhere(ens, text, ens.servers)
    wait_until(lambda: ens.mode(old) == "follower", 60, message=f"old leader {old} following as a non-voter")
    write(ens, old, "/after-leader-removed")


def test_refused_requests_leave_the_config_alone(kinds, ensembles):
    ens = ensembles(kinds, RECONFIG_CFG)
    leader = started(ens)
    followers = [i for i in ens.servers if i != leader]
    text = config_text(ens, ens.servers, FIRST_VERSION)
    c = admin(ens, followers[0])
    with pytest.raises(BadVersionError):
        c.reconfig(joining=None, leaving=str(followers[1]), new_members=None, from_config=FIRST_VERSION + 7)
    with pytest.raises(BadArgumentsError):  # fewer than 2 voters left
        c.reconfig(joining=None, leaving=",".join(map(str, followers)), new_members=None)
    with pytest.raises(BadArgumentsError):  # a joiner must name its client port
        c.reconfig(joining=server_line(ens, followers[1]), leaving=None, new_members=None)
    ghosts = ",".join(f"server.{9 + k}={HOST}:{1 + k}:{3 + k}:participant;{5 + k}" for k in range(2))
    with pytest.raises(NewConfigNoQuorumError):  # the leader and two servers that never connected
        c.reconfig(joining=None, leaving=None, new_members=f"{server_line(ens, leader, client=True)},{ghosts}")
    anonymous = ens.client(followers[1])
    with pytest.raises(NoAuthError):
        anonymous.reconfig(joining=None, leaving=str(followers[0]), new_members=None)
    for i in ens.servers:
        assert config_of(ens, i)[0] == text
