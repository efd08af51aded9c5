"""The tree digest (ZOOKEEPER-3114, zookeeper.digest.enabled, on by default in 3.8) through the hash command.

ZooKeeper keeps the tree digest at every zxid that is a multiple of 0x80 and prints that history as
"<zxid hex>: <digest>" lines. Times enter the digest, so two servers never agree on its value; instead
each server's digest is checked against one computed here from the tree read back with kazoo (every
node's path, data and stat, as DigestCalculator version 2 hashes them). Run with AKKAZK_TARGET=apache
to check this computation against ZooKeeper 3.8.0 itself.
"""
import json
import os
import re
import shutil
import struct
import urllib.request
import zlib

import pytest
from kazoo.security import make_acl

import conftest
from conftest import free_port, stop_client, wait_until

INTERVAL = 0x80
HASH_LINE = re.compile(r"^([0-9a-f]+): (-?\d+)$")


def node_digest(path, data, stat):
    """DigestCalculator.calculateDigest from a client-visible stat (the persisted cversion recovered)."""
    if path.startswith("/zookeeper/"):
        return 0
    key = "" if path == "/" else path
    persisted_cversion = (stat.cversion + stat.numChildren) // 2
    fields = struct.pack(
        ">qqqqqiiiq", stat.czxid, stat.mzxid, stat.pzxid, stat.ctime, stat.mtime,
        stat.version, persisted_cversion, stat.aversion, stat.ephemeralOwner)
    return zlib.crc32(fields, zlib.crc32(data or b"", zlib.crc32(key.encode("utf-8"))))


def tree_digest(zk):
    """The sum (as a Java long) of every node's digest, walking the tree from the root."""
    total = 0
    stack = ["/"]
    while stack:
        path = stack.pop()
        data, stat = zk.get(path)
        total += node_digest(path, data, stat)
        for child in zk.get_children(path):
            stack.append(("" if path == "/" else path) + "/" + child)
    total &= (1 << 64) - 1
    return total - (1 << 64) if total >= 1 << 63 else total


def hash_lines(server):
    text = server.four_letter("hash")
    lines = [line for line in text.split("\n") if line]
    parsed = []
    for line in lines:
        m = HASH_LINE.match(line)
        assert m, f"unexpected hash line {line!r} in {text!r}"
        parsed.append((int(m.group(1), 16), int(m.group(2))))
    assert text == "".join(f"{z:x}: {d}\n" for z, d in parsed)
    return parsed


def pad_to_interval(zk, path):
    """setData until the last txn's zxid is a multiple of 0x80; returns that zxid."""
    zxid = zk.set(path, b"").mzxid
    while zxid % INTERVAL:
        zxid = zk.set(path, b"").mzxid
    return zxid


def scripted_ops(zk, prefix):
    zk.create(prefix, b"root of the script")
    zk.create(f"{prefix}/a", b"alpha")
    zk.create(f"{prefix}/a/b", b"")
    zk.create(f"{prefix}/a/b/c", None)
    zk.create(f"{prefix}/eph", b"ephemeral", ephemeral=True)
    sequential = [zk.create(f"{prefix}/seq-", b"s", sequence=True) for _ in range(3)]
    zk.create(f"{prefix}/unicode-\u00e9\u4e2d", "d\u00e4ta".encode("utf-8"))
    zk.create(f"{prefix}/big", bytes(range(256)) * 40)
    for i in range(5):
        zk.set(f"{prefix}/a", f"v{i}".encode())
    zk.set_acls(f"{prefix}/a/b", [make_acl("world", "anyone", read=True, create=True, delete=True)])
    zk.delete(f"{prefix}/a/b/c")
    zk.create(f"{prefix}/gone", b"x")
    zk.delete(f"{prefix}/gone")
    tx = zk.transaction()
    tx.create(f"{prefix}/m1", b"multi")
    tx.set_data(f"{prefix}/a", b"in multi")
    tx.delete(sequential[0])
    results = tx.commit()
    assert not any(isinstance(r, Exception) for r in results), results
    failed = zk.transaction()
    failed.create(f"{prefix}/m2", b"")
    failed.delete(f"{prefix}/missing")
    failed.commit()
    zk.set("/", b"root data")
    zk.create(f"{prefix}/pad", b"")


def test_hash_history_matches_the_tree(fresh_server):
    zk = fresh_server.client()
    assert hash_lines(fresh_server) == []

    scripted_ops(zk, "/digest")
    first = pad_to_interval(zk, "/digest/pad")
    expected_first = tree_digest(zk)
    wait_until(lambda: hash_lines(fresh_server), 10, message="a hash line")
    assert hash_lines(fresh_server) == [(first, expected_first)]

    # More writes up to the next multiple of 0x80: the history keeps both, oldest first.
    for i in range(10):
        zk.create(f"/digest/more{i}", str(i).encode(), ephemeral=i % 2 == 0)
    zk.delete("/digest/more1")
    second = pad_to_interval(zk, "/digest/pad")
    assert second == first + INTERVAL
    assert hash_lines(fresh_server) == [(first, expected_first), (second, tree_digest(zk))]


def test_closing_a_session_deletes_its_ephemerals_from_the_digest(fresh_server):
    zk = fresh_server.client()
    other = fresh_server.client()
    other.create("/owned", b"", ephemeral=True)
    zk.create("/keeper", b"")
    other.stop()
    other.close()
    wait_until(lambda: zk.exists("/owned") is None, 10, message="the ephemeral to go")
    zxid = pad_to_interval(zk, "/keeper")
    assert hash_lines(fresh_server)[-1] == (zxid, tree_digest(zk))


# ZooKeeper's AdminServer needs Jetty and Jackson on the classpath (Debian ships them beside zookeeper.jar).
ADMIN_JARS = ["jetty9-server", "jetty9-servlet", "jetty9-http", "jetty9-io", "jetty9-util", "jetty9-security",
              "servlet-api", "jackson-core", "jackson-databind", "jackson-annotations"]


@pytest.fixture
def admin_server(request, monkeypatch):
    extra = ":".join(f"{conftest.JAVA_LIB}/{jar}.jar" for jar in ADMIN_JARS)
    monkeypatch.setattr(conftest, "ZK_CLASSPATH", conftest.ZK_CLASSPATH + ":" + extra)
    port = free_port()
    srv = conftest._start(request.node.name[:40], extra_cfg={
        "admin.enableServer": "true", "admin.serverAddress": "127.0.0.1", "admin.serverPort": str(port)})
    srv.admin_port = port
    yield srv
    srv.cleanup()


def test_admin_hash_command(admin_server):
    srv, port = admin_server, admin_server.admin_port
    zk = srv.client()
    zk.create("/admin", b"")
    zxid = pad_to_interval(zk, "/admin")
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/commands/hash", timeout=10) as reply:
        answer = json.load(reply)
    assert answer["command"] == "hash"
    assert answer["error"] is None
    assert answer["digests"] == [{"zxid": zxid, "digest": tree_digest(zk), "digest_version": 2}]


# Ensembles: every member applies the leader's txns (times included), so every member's hash history is the
# same, and a ZooKeeper member checks each txn's digest against its own tree and logs any mismatch.
ENSEMBLES = {
    "akkazk-leads-zookeeper": ("apache", "apache", "akkazk"),
    "zookeeper-leads-akkazk": ("akkazk", "akkazk", "apache"),
} if conftest.TARGET == "akkazk" else {"zookeeper": ("apache", "apache", "apache")}
MISMATCH = re.compile(r"digest mismatch|Digests are not matching", re.IGNORECASE)


@pytest.fixture(params=list(ENSEMBLES), ids=list(ENSEMBLES))
def ensemble(request):
    from ensemble import Ensemble
    ens = Ensemble(ENSEMBLES[request.param])
    try:
        # The leader-to-be (sid 3, largest with every zxid 0) listens before the others look for a leader, so a
        # slower JVM still takes part in the first election.
        ens.servers[3].launch()
        wait_until(lambda: ens.servers[3].four_letter("ruok", timeout=2) == "imok", 30, message="sid 3 listening")
        for i in (1, 2):
            ens.servers[i].launch()
        for srv in ens.servers.values():
            srv.wait_ready(timeout=60)
        yield ens
    finally:
        ens.cleanup()


def test_every_member_keeps_the_same_digest_and_none_reports_a_mismatch(ensemble):
    # The largest sid leads a fresh ensemble: the last kind listed.
    assert ensemble.leader() == 3
    clients = {i: ensemble.client(i) for i in ensemble.servers}
    scripted_ops(clients[1], "/via-follower")
    scripted_ops(clients[3], "/via-leader")
    short_lived = ensemble.client(2)
    short_lived.create("/via-follower/short-lived", b"", ephemeral=True)
    stop_client(short_lived)
    zk = clients[2]
    zxid = pad_to_interval(zk, "/via-leader/pad")

    def histories():
        seen = {i: hash_lines(srv) for i, srv in ensemble.servers.items()}
        return seen if all(h and h[-1][0] == zxid for h in seen.values()) else None

    seen = wait_until(histories, 20, message=f"every member's hash at 0x{zxid:x}")
    assert seen[1] == seen[2] == seen[3]
    zk.sync("/")
    assert seen[2][-1] == (zxid, tree_digest(zk))
    for i, srv in ensemble.servers.items():
        with open(srv.log_path, errors="replace") as log:
            mismatches = [line for line in log if MISMATCH.search(line)]
        assert not mismatches, f"member {i} ({srv.target}) logged: {mismatches[:3]}"


def snapshot_trailer_digest(path):
    """The ZxidDigest {long zxid, int version, long digest} before a snapshot file's last seal."""
    with open(path, "rb") as f:
        tail = f.read()[-(20 + 13):-13]
    return struct.unpack(">qiq", tail)


def test_a_snapshot_carries_the_digest_and_zookeeper_checks_it_on_load(server_factory):
    srv = server_factory(extra_cfg={"snapCount": "2"})
    zk = srv.client()
    zk.create("/snap", b"")
    for i in range(40):
        zk.create(f"/snap/n{i}", str(i).encode())
        zk.set("/snap", str(i).encode())
    stop_client(zk)
    srv.stop()
    snap_dir = os.path.join(srv.data_dir, "version-2")
    newest = max((f for f in os.listdir(snap_dir) if f.startswith("snapshot.")), key=lambda f: int(f[9:], 16))
    snap_zxid = int(newest[9:], 16)
    zxid, version, digest = snapshot_trailer_digest(os.path.join(snap_dir, newest))
    assert version == 2 and zxid >= snap_zxid > 0
    if conftest.TARGET == "akkazk":
        assert zxid == snap_zxid   # taken between applies: the digest is the snapshot's own tree's

    # Apache ZooKeeper 3.8.0 loads that snapshot alone and checks the digest when it reaches its zxid.
    loader = conftest.ZkServer(target="apache", name="digest-loader")
    try:
        os.makedirs(os.path.join(loader.data_dir, "version-2"))
        shutil.copy(os.path.join(snap_dir, newest), os.path.join(loader.data_dir, "version-2", newest))
        loader.start()
        with open(loader.log_path, errors="replace") as log:
            text = log.read()
        assert f"with zxid as 0x{zxid:x}, and digest value as {digest}" in text
        assert not MISMATCH.search(text)
        if zxid == snap_zxid:
            assert tree_digest(loader.client()) == digest
    finally:
        loader.cleanup()


def test_with_the_digest_disabled_the_history_lists_zeros(server_factory):
    srv = server_factory(extra_cfg={"digest.enabled": "false"})
    zk = srv.client()
    zk.create("/off", b"")
    zxid = pad_to_interval(zk, "/off")
    assert hash_lines(srv) == [(zxid, 0)]
