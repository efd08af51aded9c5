"""multi (opcode 14) through kazoo transactions (PROTOCOL.md 6, 15.8)."""
from kazoo.exceptions import (
    BadVersionError,
    NodeExistsError,
    NoNodeError,
    NotEmptyError,
    RolledBackError,
    RuntimeInconsistency,
)
from kazoo.protocol.states import ZnodeStat


def test_multi_success(zk, base):
    zk.create(base + "/set", b"old")
    zk.create(base + "/checked", b"c")
    zk.create(base + "/gone")

    t = zk.transaction()
    t.create(base + "/new", b"fresh")
    t.set_data(base + "/set", b"new", version=0)
    t.check(base + "/checked", 0)
    t.delete(base + "/gone")
    t.create(base + "/seq-", b"s", sequence=True)
    results = t.commit()

    assert len(results) == 5
    assert results[0] == base + "/new"
    assert isinstance(results[1], ZnodeStat) and results[1].version == 1
    assert results[2] is True and results[3] is True
    assert results[4] == base + "/seq-0000000004"

    assert zk.get(base + "/new")[0] == b"fresh"
    assert zk.get(base + "/set")[0] == b"new"
    assert zk.exists(base + "/gone") is None
    # the whole multi is one transaction: one zxid for every op
    assert zk.exists(base + "/new").czxid == results[1].mzxid == zk.exists(base + "/seq-0000000004").czxid


def test_multi_failure_rolls_back(zk, base):
    zk.create(base + "/x", b"x")
    t = zk.transaction()
    t.create(base + "/a", b"a")
    t.check(base + "/x", 7)  # wrong version
    t.create(base + "/b", b"b")
    t.set_data(base + "/x", b"y")
    results = t.commit()

    # ZooKeeper fills the results as: ops before the failure 0 (RolledBack), the
    # failing op its error, ops after it -2 (RuntimeInconsistency).
    assert [type(r) for r in results] == [
        RolledBackError, BadVersionError, RuntimeInconsistency, RuntimeInconsistency]
    assert zk.exists(base + "/a") is None
    assert zk.exists(base + "/b") is None
    assert zk.get(base + "/x") == (b"x", zk.exists(base + "/x"))
    assert zk.exists(base + "/x").version == 0


def test_multi_failure_codes(zk, base):
    zk.create(base + "/exists")
    zk.create(base + "/parent")
    zk.create(base + "/parent/kid")

    t = zk.transaction()
    t.create(base + "/exists")
    assert [type(r) for r in t.commit()] == [NodeExistsError]

    t = zk.transaction()
    t.create(base + "/ok")
    t.delete(base + "/missing")
    assert [type(r) for r in t.commit()] == [RolledBackError, NoNodeError]

    t = zk.transaction()
    t.delete(base + "/parent")
    t.create(base + "/ok2")
    assert [type(r) for r in t.commit()] == [NotEmptyError, RuntimeInconsistency]
    assert zk.exists(base + "/ok") is None and zk.exists(base + "/ok2") is None


def test_multi_ops_see_earlier_ops(zk, base):
    # later ops in a multi see the effects of earlier ones
    t = zk.transaction()
    t.create(base + "/p", b"1")
    t.create(base + "/p/c", b"2")
    t.set_data(base + "/p", b"3", version=0)
    t.delete(base + "/p/c")
    results = t.commit()
    assert results[0] == base + "/p" and results[1] == base + "/p/c"
    assert results[2].version == 1
    assert zk.get(base + "/p")[0] == b"3"
    assert zk.get_children(base + "/p") == []


def test_multi_fires_watches(zk, base, events):
    from kazoo.protocol.states import EventType
    zk.create(base + "/w", b"0")
    data_log, child_log = events(), events()
    zk.get(base + "/w", watch=data_log)
    zk.get_children(base, watch=child_log)
    t = zk.transaction()
    t.set_data(base + "/w", b"1")
    t.create(base + "/n")
    t.commit()
    data_log.wait_for(1)
    child_log.wait_for(1)
    assert [(e.type, e.path) for e in data_log.events] == [(EventType.CHANGED, base + "/w")]
    assert [(e.type, e.path) for e in child_log.events] == [(EventType.CHILD, base)]


def test_failed_multi_fires_no_watch(zk, base, events):
    zk.create(base + "/w", b"0")
    log = events()
    zk.get(base + "/w", watch=log)
    t = zk.transaction()
    t.set_data(base + "/w", b"1")
    t.check(base + "/w", 99)
    t.commit()
    zk.set(base + "/w", b"2")  # the watch is still armed: this fires it
    log.wait_for(1)
    assert len(log.events) == 1
    assert zk.get(base + "/w")[1].version == 1
