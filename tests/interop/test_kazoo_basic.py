"""CRUD, stats, errors, ephemeral and sequential nodes through kazoo (PROTOCOL.md 7, 8)."""
import time

import pytest
from kazoo.exceptions import (
    BadArgumentsError,
    BadVersionError,
    NoChildrenForEphemeralsError,
    NodeExistsError,
    NoNodeError,
    NotEmptyError,
)


def test_create_get_set_delete(zk, base):
    path = base + "/a"
    assert zk.create(path, b"hello") == path
    data, stat = zk.get(path)
    assert data == b"hello"
    assert (stat.version, stat.cversion, stat.aversion) == (0, 0, 0)
    assert stat.czxid == stat.mzxid == stat.pzxid > 0
    assert stat.ephemeralOwner == 0
    assert stat.dataLength == 5 and stat.numChildren == 0
    assert stat.ctime == stat.mtime
    assert abs(stat.ctime / 1000.0 - time.time()) < 60

    stat2 = zk.set(path, b"world!")
    assert stat2.version == 1
    assert stat2.mzxid > stat.mzxid
    assert stat2.czxid == stat.czxid and stat2.ctime == stat.ctime
    assert stat2.dataLength == 6
    data, stat3 = zk.get(path)
    assert data == b"world!" and stat3 == stat2

    assert zk.exists(path) == stat2
    zk.delete(path)
    assert zk.exists(path) is None
    with pytest.raises(NoNodeError):
        zk.get(path)


def test_create2_returns_stat(zk, base):
    path, stat = zk.create(base + "/c2", b"xyz", include_data=True)
    assert path == base + "/c2"
    assert stat.version == 0 and stat.dataLength == 3
    assert zk.exists(path) == stat


def test_empty_and_binary_data(zk, base):
    zk.create(base + "/empty")
    assert zk.get(base + "/empty")[0] == b""
    blob = bytes(range(256)) * 400  # 100 KiB with every byte value, including NULs
    zk.create(base + "/blob", blob)
    data, stat = zk.get(base + "/blob")
    assert data == blob and stat.dataLength == len(blob)


def test_unicode_path_and_data(zk, base):
    path = base + "/zn\u00f6de-\u65e5\u672c"
    zk.create(path, "d\u00e4ta".encode("utf-8"))
    assert zk.get(path)[0] == "d\u00e4ta".encode("utf-8")
    assert zk.get_children(base) == ["zn\u00f6de-\u65e5\u672c"]


def test_get_children_and_parent_stat(zk, base):
    before = zk.exists(base)
    names = ["a", "b", "c", "d"]
    for n in names:
        zk.create(f"{base}/{n}", n.encode())
    assert sorted(zk.get_children(base)) == names

    children, stat = zk.get_children(base, include_data=True)
    assert sorted(children) == names
    assert stat.numChildren == 4
    assert stat.cversion == before.cversion + 4
    last = zk.exists(f"{base}/d")
    assert stat.pzxid == last.czxid
    # creating children does not touch the parent's data version or mzxid
    assert stat.version == before.version and stat.mzxid == before.mzxid

    zk.delete(f"{base}/a")
    children, stat2 = zk.get_children(base, include_data=True)
    assert sorted(children) == ["b", "c", "d"]
    assert stat2.numChildren == 3
    assert stat2.cversion == stat.cversion + 1  # a delete also bumps the visible cversion
    assert stat2.pzxid > stat.pzxid
    assert zk.get_children(f"{base}/b") == []


def test_root_children_include_zookeeper(zk, base):
    root = zk.get_children("/")
    assert "zookeeper" in root and base[1:] in root
    assert sorted(zk.get_children("/zookeeper")) == ["config", "quota"]


def test_version_checks(zk, base):
    path = base + "/v"
    zk.create(path, b"0")
    with pytest.raises(BadVersionError):
        zk.set(path, b"x", version=5)
    assert zk.set(path, b"1", version=0).version == 1
    assert zk.set(path, b"2", version=1).version == 2
    assert zk.set(path, b"3", version=-1).version == 3
    with pytest.raises(BadVersionError):
        zk.delete(path, version=2)
    zk.delete(path, version=3)
    assert zk.exists(path) is None


def test_error_codes(zk, base):
    zk.create(base + "/p")
    zk.create(base + "/p/child")
    with pytest.raises(NodeExistsError):
        zk.create(base + "/p")
    with pytest.raises(NoNodeError):
        zk.create(base + "/missing/child")
    with pytest.raises(NoNodeError):
        zk.set(base + "/missing", b"x")
    with pytest.raises(NoNodeError):
        zk.delete(base + "/missing")
    with pytest.raises(NoNodeError):
        zk.get_children(base + "/missing")
    with pytest.raises(NotEmptyError):
        zk.delete(base + "/p")
    # the reserved nodes cannot be deleted
    with pytest.raises(BadArgumentsError):
        zk.delete("/zookeeper")
    with pytest.raises(BadArgumentsError):
        zk.delete("/zookeeper/config")
    # a failed write changes nothing
    assert zk.get_children(base + "/p") == ["child"]
    zk.delete(base + "/p", recursive=True)
    assert zk.exists(base + "/p") is None


def test_makepath_and_recursive_delete(zk, base):
    zk.create(base + "/x/y/z", b"deep", makepath=True)
    assert zk.get(base + "/x/y/z")[0] == b"deep"
    zk.delete(base + "/x", recursive=True)
    assert zk.exists(base + "/x") is None


def test_ephemeral_node_owned_and_removed_on_close(server, zk, zk_factory, base):
    other = zk_factory(server)
    path = base + "/eph"
    other.create(path, b"e", ephemeral=True)
    stat = zk.exists(path)
    assert stat.ephemeralOwner == other.client_id[0]
    assert zk.exists(base).numChildren == 1
    # an ephemeral node cannot have children
    with pytest.raises(NoChildrenForEphemeralsError):
        other.create(path + "/child")
    other.stop()  # closeSession: the ephemeral goes with the session's close transaction
    assert zk.exists(path) is None


def test_sequential_names(zk, base):
    p0 = zk.create(base + "/s-", b"0", sequence=True)
    p1 = zk.create(base + "/s-", b"1", sequence=True)
    assert p0 == base + "/s-0000000000"
    assert p1 == base + "/s-0000000001"
    # the counter is the parent's count of creates: deletes do not reuse numbers,
    # and non-sequential creates advance it too
    zk.delete(p1)
    zk.create(base + "/plain")
    p3 = zk.create(base + "/s-", b"3", sequence=True)
    assert p3 == base + "/s-0000000003"
    # an empty prefix gives a bare number
    assert zk.create(base + "/", sequence=True) == base + "/0000000004"
    e = zk.create(base + "/e-", ephemeral=True, sequence=True)
    assert e == base + "/e-0000000005"
    assert zk.exists(e).ephemeralOwner == zk.client_id[0]
    assert sorted(zk.get_children(base)) == [
        "0000000004", "e-0000000005", "plain", "s-0000000000", "s-0000000003"]


def test_sequential_counter_per_parent(zk, base):
    zk.create(base + "/p1")
    zk.create(base + "/p2")
    assert zk.create(base + "/p1/n", sequence=True) == base + "/p1/n0000000000"
    assert zk.create(base + "/p2/n", sequence=True) == base + "/p2/n0000000000"
    assert zk.create(base + "/p1/n", sequence=True) == base + "/p1/n0000000001"


def test_sync_and_zxid_ordering(zk, base):
    s1 = zk.exists(zk.create(base + "/o1"))
    s2 = zk.exists(zk.create(base + "/o2"))
    assert s2.czxid > s1.czxid
    assert zk.sync(base) == base


def test_failed_write_consumes_a_zxid(zk, base):
    # ZooKeeper quirk (PROTOCOL.md 7.1): a write that fails validation is still logged
    # as an ErrorTxn and takes a zxid, so the next write's zxid skips one.
    first = zk.exists(zk.create(base + "/z1")).czxid
    with pytest.raises(NodeExistsError):
        zk.create(base + "/z1")
    second = zk.exists(zk.create(base + "/z2")).czxid
    assert second == first + 2
