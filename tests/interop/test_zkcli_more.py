"""More zkCli.sh commands: ls -R, stat, getAcl/setAcl with digest and addauth, create -e/-s/-c/-t,
getEphemerals, getAllChildrenNumber, addWatch, whoami, sync, deleteall, versioned set/delete.

Commands that need one session (addauth, then a command that uses it; addWatch, then changes)
run in one zkCli process fed through stdin. `version` is sent after every command as a
delimiter, so each command's output lines can be told apart; watch events are printed by
zkCli's event thread at any moment and are collected separately.
"""
import base64
import hashlib
import os
import re
import subprocess

import pytest

from conftest import ZK_CLIENT_CLASSPATH, wait_until
from test_zkcli import parse_stat, zkcli

ZKCLI = "/usr/share/zookeeper/bin/zkCli.sh"
DELIM = "ZooKeeper CLI version:"
NOISE = ("Connecting to ", "Welcome to ZooKeeper!", "JLine support is", "SLF4J:")
EVENT_RE = re.compile(r"WatchedEvent state:(\w+) type:(\w+) path:(\S+)")


def digest(user, password):
    return user + ":" + base64.b64encode(hashlib.sha1(f"{user}:{password}".encode()).digest()).decode()


def zkcli_session(server, *commands, timeout=60):
    """Run commands in one zkCli session (stdin). Returns (outputs, events): outputs[i] is the
    list of lines command i printed; events lists (type, path) of the watch events seen."""
    if os.path.exists(ZKCLI):
        cmd = [ZKCLI, "-server", server.hosts]
    else:
        cmd = ["java", "-cp", ZK_CLIENT_CLASSPATH, "org.apache.zookeeper.ZooKeeperMain",
               "-server", server.hosts]
    script = "".join(f"{c}\nversion\n" for c in commands) + "quit\n"
    p = subprocess.run(cmd, input=script, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, timeout=timeout)
    out = p.stdout
    segments, current, events = [], [], []
    for line in out.splitlines():
        if not line.strip() or line.startswith(NOISE) or line == "WATCHER::":
            continue
        m = EVENT_RE.match(line)
        if m:
            if m.group(2) != "None":
                events.append((m.group(2), m.group(3)))
            continue
        if line.startswith(DELIM):
            segments.append(current)
            current = []
            continue
        current.append(line)
    assert len(segments) == len(commands), f"zkCli output not split per command:\n{out}"
    return segments, events


@pytest.fixture
def cli_base(zk, base):
    return base


def test_ls_recursive_and_ls_s(server, zk, cli_base):
    for p in ("a", "a/b", "a/b/c", "d"):
        zk.create(f"{cli_base}/{p}", b"v")
    lines = zkcli(server, "ls", "-R", cli_base)
    expected = [cli_base] + [f"{cli_base}/{p}" for p in ("a", "a/b", "a/b/c", "d")]
    assert sorted(lines) == sorted(expected)
    assert lines[0] == cli_base
    for i, p in enumerate(lines[1:], 1):  # depth first: a node's parent is printed before it
        assert p.rsplit("/", 1)[0] in lines[:i], lines

    lines = zkcli(server, "ls", "-s", cli_base)
    assert lines[0] in ("[a, d]", "[d, a]")
    stat = parse_stat(lines[1:])
    assert stat["numChildren"] == "2" and stat["cversion"] == "2"
    assert stat["pZxid"] == hex(zk.exists(cli_base + "/d").czxid)


def test_stat_of_ephemeral_shows_owner(server, zk, cli_base):
    path = cli_base + "/eph"
    zk.create(path, b"abc", ephemeral=True)
    stat = parse_stat(zkcli(server, "stat", path))
    assert stat["ephemeralOwner"] == hex(zk.client_id[0])
    assert stat["dataLength"] == "3" and stat["numChildren"] == "0"
    assert zkcli(server, "stat", cli_base + "/nope", expect_rc=1) == [f"Node does not exist: {cli_base}/nope"]


def test_create_modes(server, zk, cli_base):
    out, _ = zkcli_session(
        server,
        f"create -e {cli_base}/e v",
        f"create -s {cli_base}/s- v",
        f"create -e -s {cli_base}/es- v",
        f"create -c {cli_base}/cont v",
        f"create -c {cli_base}/cont/kid k",
        f"create -e {cli_base}/e/kid",
        f"getEphemerals {cli_base}",
        f"stat {cli_base}/cont",
        f"create -t 5000 {cli_base}/ttl v",
    )
    assert out[0] == [f"Created {cli_base}/e"]
    assert out[1] == [f"Created {cli_base}/s-0000000001"]
    assert out[2] == [f"Created {cli_base}/es-0000000002"]
    assert out[3] == [f"Created {cli_base}/cont"]
    assert out[4] == [f"Created {cli_base}/cont/kid"]
    assert out[5] == [f"Ephemerals cannot have children: {cli_base}/e/kid"]
    assert re.fullmatch(r"\[(.*)\]", out[6][0])
    assert sorted(x.strip() for x in out[6][0][1:-1].split(",")) == [f"{cli_base}/e", f"{cli_base}/es-0000000002"]
    cont = parse_stat(out[7])
    # a container is no ephemeral: clients see ephemeralOwner 0
    assert cont["ephemeralOwner"] == "0x0" and cont["numChildren"] == "1"
    # TTL nodes need extendedTypesEnabled
    assert out[8] == [f"KeeperErrorCode = Unimplemented for {cli_base}/ttl"]
    # the zkCli session has ended (quit): its ephemerals are gone, the rest stays
    assert sorted(zk.get_children(cli_base)) == ["cont", "s-0000000001"]


def test_create_ttl_with_extended_types(reaping_server):
    zk = reaping_server.client()
    zk.create("/ttlbase")
    out, _ = zkcli_session(
        reaping_server,
        "create -t 600000 /ttlbase/t v",
        "create -t 600000 -s /ttlbase/ts- v",
        "create -t 0 /ttlbase/zero v",
        "create -t 600000 -e /ttlbase/bad v",
        "stat /ttlbase/t",
        "get /ttlbase/t",
        "create /ttlbase/t/kid k",
        "getEphemerals /ttlbase",
    )
    assert out[0] == ["Created /ttlbase/t"]
    assert out[1] == ["Created /ttlbase/ts-0000000001"]
    assert out[2] == ["ttl must be positive and cannot be larger than: 1099511627775"]
    assert out[3] == ["TTLs cannot be used with Ephemeral znodes"]
    stat = parse_stat(out[4])
    # ZooKeeper shows a TTL node's ephemeralOwner as 0 to clients (DataNode.copyStat)
    assert stat["ephemeralOwner"] == "0x0", stat
    assert stat["dataLength"] == "1"
    assert out[5] == ["v"]
    assert out[6] == ["Created /ttlbase/t/kid"]
    assert out[7] == ["[]"]
    kstat = zk.exists("/ttlbase/t")
    assert kstat.ephemeralOwner == 0 and kstat.numChildren == 1


def test_acl_digest_and_addauth(server, zk, cli_base):
    path = cli_base + "/secret"
    zk.create(path, b"hidden")
    d = digest("alice", "pw")
    out, _ = zkcli_session(
        server,
        f"setAcl {path} digest:{d}:cdrwa",
        f"getAcl {path}",
        f"get {path}",
        "addauth digest bob:nope",
        f"get {path}",
        "addauth digest alice:pw",
        f"get {path}",
        f"getAcl -s {path}",
        "whoami",
        f"create {cli_base}/mine v auth:alice:pw:cdrwa",
        f"getAcl {cli_base}/mine",
        f"setAcl -v 0 {path} world:anyone:r",
        f"setAcl -v 1 {path} world:anyone:r",
        f"getAcl {path}",
        f"set {path} nope",
    )
    assert out[0] == []
    # reading the ACL needs READ or ADMIN (3.8): the creator's session no longer has either
    assert out[1] == [f"Insufficient permission : {path}"]
    assert out[2] == [f"Insufficient permission : {path}"]
    assert out[3] == []
    assert out[4] == [f"Insufficient permission : {path}"]
    assert out[6] == ["hidden"]
    assert out[7][:2] == ["'digest,'" + d, ": cdrwa"]
    acl_stat = parse_stat(out[7][2:])
    assert acl_stat["aclVersion"] == "1" and acl_stat["dataLength"] == "6"
    # the session's auth ids are a set on the server: no defined order
    assert out[8][0] == "Auth scheme: User"
    assert sorted(out[8][1:]) == ["digest: alice", "digest: bob", "ip: 127.0.0.1"]
    assert out[9] == [f"Created {cli_base}/mine"]
    # auth: gives one entry per digest identity of the session
    assert sorted(zip(out[10][0::2], out[10][1::2])) == sorted([
        ("'digest,'" + digest("bob", "nope"), ": cdrwa"), ("'digest,'" + d, ": cdrwa")])
    assert out[11] == [f"version No is not valid : {path}"]
    assert out[12] == []
    assert out[13] == ["'world,'anyone", ": r"]
    assert out[14] == [f"Insufficient permission : {path}"]
    acls, stat = zk.get_acls(path)
    assert [(a.perms, a.id.scheme, a.id.id) for a in acls] == [(1, "world", "anyone")]
    assert stat.aversion == 2


def test_setacl_recursive(server, zk, cli_base):
    for p in ("r", "r/a", "r/a/b"):
        zk.create(f"{cli_base}/{p}")
    assert zkcli(server, "setAcl", "-R", cli_base + "/r", "world:anyone:cdr") == []
    for p in ("r", "r/a", "r/a/b"):
        acls, stat = zk.get_acls(f"{cli_base}/{p}")
        assert [(a.perms, a.id.scheme, a.id.id) for a in acls] == [(1 | 4 | 8, "world", "anyone")]
        assert stat.aversion == 1


def test_whoami_without_auth(server):
    assert zkcli(server, "whoami") == ["Auth scheme: User", "ip: 127.0.0.1"]


def test_get_ephemerals_and_all_children_number(server, zk, zk_factory, cli_base):
    other = zk_factory(server)
    for p in ("a", "a/b", "a/b/c", "d"):
        zk.create(f"{cli_base}/{p}")
    zk.create(f"{cli_base}/a/e1", ephemeral=True)
    zk.create(f"{cli_base}/d/e2", ephemeral=True)
    other.create(f"{cli_base}/d/e3", ephemeral=True)

    assert zkcli(server, "getAllChildrenNumber", cli_base) == ["7"]
    assert zkcli(server, "getAllChildrenNumber", cli_base + "/a/b/c") == ["0"]
    # getEphemerals lists the ephemerals of the calling session only: zkCli's own session has none
    assert zkcli(server, "getEphemerals", cli_base) == ["[]"]
    out, _ = zkcli_session(
        server,
        f"create -e {cli_base}/a/mine x",
        f"create -e {cli_base}/d/mine2 x",
        f"getEphemerals {cli_base}",
        f"getEphemerals {cli_base}/a",
        "getEphemerals",
        f"getAllChildrenNumber {cli_base}",
    )
    assert out[2][0].startswith("[")
    assert sorted(x.strip() for x in out[2][0][1:-1].split(",")) == [f"{cli_base}/a/mine", f"{cli_base}/d/mine2"]
    assert out[3] == [f"[{cli_base}/a/mine]"]
    mine_all = sorted(x.strip() for x in out[4][0][1:-1].split(","))
    assert mine_all == [f"{cli_base}/a/mine", f"{cli_base}/d/mine2"]
    assert out[5] == ["9"]
    wait_until(lambda: zk.exists(f"{cli_base}/a/mine") is None, 20, message="zkCli ephemerals gone")


def test_add_watch_recursive_and_persistent(server, zk, cli_base):
    w = cli_base + "/w"
    out, events = zkcli_session(
        server,
        f"addWatch {w}",
        f"create {w} x",
        f"create {w}/k x",
        f"set {w}/k y",
        f"create {w}/k/deep z",
        f"deleteall {w}",
        f"addWatch -m PERSISTENT {cli_base}",
        f"create {cli_base}/p x",
        f"set {cli_base} y",
        f"create {cli_base}/p/notseen x",
        f"delete {cli_base}/p/notseen",
        f"delete {cli_base}/p",
        f"removewatches {cli_base}",
        f"set {cli_base} z",
        "sync /",
    )
    assert out[0] == [] and out[6] == []
    assert out[1] == [f"Created {w}"]
    assert out[14] == ["Sync is OK"]
    # a recursive watch sees creations, changes and deletions below it (no child events);
    # a persistent watch on the base sees its children change and its data change, not grandchildren
    expected = [
        ("NodeCreated", w), ("NodeCreated", w + "/k"), ("NodeDataChanged", w + "/k"),
        ("NodeCreated", w + "/k/deep"),
        ("NodeDeleted", w + "/k/deep"), ("NodeDeleted", w + "/k"), ("NodeDeleted", w),
        ("NodeChildrenChanged", cli_base), ("NodeDataChanged", cli_base),
        ("NodeChildrenChanged", cli_base), ("PersistentWatchRemoved", cli_base),
    ]
    assert sorted(events) == sorted(expected), events
    assert zk.exists(w) is None


def test_sync_and_deleteall(server, zk, cli_base):
    for p in ("t", "t/a", "t/a/b", "t/a/c", "t/d", "t/d/e"):
        zk.create(f"{cli_base}/{p}", b"v")
    assert zkcli(server, "sync", cli_base) == ["Sync is OK"]
    assert zkcli(server, "deleteall", cli_base + "/t", "-b", "2") == []
    assert zk.exists(cli_base + "/t") is None and zk.get_children(cli_base) == []
    assert zkcli(server, "deleteall", cli_base + "/nope", expect_rc=1) == [f"Node does not exist: {cli_base}/nope"]
    # sync does not look at the path's node
    assert zkcli(server, "sync", cli_base + "/nope") == ["Sync is OK"]


def test_versioned_set_and_delete(server, zk, cli_base):
    path = cli_base + "/v"
    zk.create(path, b"a")
    out, events = zkcli_session(
        server,
        f"set -v 3 {path} b",
        f"set -v 0 {path} b",
        f"get -s -w {path}",
        f"set {path} c",
        f"delete -v 0 {path}",
        f"delete -v 2 {path}",
        f"stat {path}",
    )
    assert out[0] == [f"version No is not valid : {path}"]
    assert out[1] == []
    assert out[2][0] == "b" and parse_stat(out[2][1:])["dataVersion"] == "1"
    assert out[4] == [f"version No is not valid : {path}"]
    assert out[5] == []
    assert out[6] == [f"Node does not exist: {path}"]
    assert events == [("NodeDataChanged", path)]


def test_expired_ttl_node_is_deleted(reaping_server):
    """A TTL node without children is deleted once its TTL has passed since its last change;
    one with a child stays."""
    zk = reaping_server.client()
    zk.create("/ttlreap")
    out, _ = zkcli_session(
        reaping_server,
        "create -t 300 /ttlreap/short v",
        "create -t 300 /ttlreap/parent v",
        "create /ttlreap/parent/kid k",
    )
    assert out == [["Created /ttlreap/short"], ["Created /ttlreap/parent"], ["Created /ttlreap/parent/kid"]]
    wait_until(lambda: zk.exists("/ttlreap/short") is None, 15, message="expired TTL node deleted")
    assert zk.exists("/ttlreap/parent") is not None  # not empty: kept
    zk.delete("/ttlreap/parent/kid")
    wait_until(lambda: zk.exists("/ttlreap/parent") is None, 15, message="emptied TTL node deleted")
