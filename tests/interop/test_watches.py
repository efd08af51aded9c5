"""One-shot watches through kazoo: types, paths, and firing exactly once (PROTOCOL.md 11)."""
import threading

from kazoo.protocol.states import EventType


def barrier(zk, base, log):
    """Prove that every event the server sent before now has been dispatched.

    The server queues notifications in order on the connection and kazoo runs the
    callbacks in order, so once a marker watch fires, any earlier event is in `log`.
    """
    fired = threading.Event()
    marker = f"{base}/marker-{len(log.events)}"
    zk.exists(marker, watch=lambda e: fired.set())
    zk.create(marker)
    assert fired.wait(10), "marker watch did not fire"
    zk.delete(marker)


def summary(log):
    return [(e.type, e.path) for e in log.events]


def test_data_watch_fires_once_on_set(zk, base, events):
    path = base + "/d"
    zk.create(path, b"1")
    log = events()
    zk.get(path, watch=log)
    zk.set(path, b"2")
    log.wait_for(1)
    zk.set(path, b"3")
    barrier(zk, base, log)
    assert summary(log) == [(EventType.CHANGED, path)]
    assert log.events[0].state == "CONNECTED"


def test_data_watch_fires_on_delete(zk, base, events):
    path = base + "/d"
    zk.create(path)
    log = events()
    zk.get(path, watch=log)
    zk.delete(path)
    log.wait_for(1)
    barrier(zk, base, log)
    assert summary(log) == [(EventType.DELETED, path)]


def test_exists_watch_on_missing_node_fires_on_create(zk, base, events):
    path = base + "/later"
    log = events()
    assert zk.exists(path, watch=log) is None
    zk.create(path)
    log.wait_for(1)
    zk.set(path, b"x")  # the watch was one-shot
    barrier(zk, base, log)
    assert summary(log) == [(EventType.CREATED, path)]


def test_exists_watch_on_existing_node(zk, base, events):
    path = base + "/e"
    zk.create(path)
    log = events()
    assert zk.exists(path, watch=log) is not None
    zk.set(path, b"changed")
    log.wait_for(1)
    barrier(zk, base, log)
    assert summary(log) == [(EventType.CHANGED, path)]


def test_child_watch_fires_once(zk, base, events):
    log = events()
    assert zk.get_children(base, watch=log) == []
    zk.set(base, b"parent data")  # data changes do not fire child watches
    zk.create(base + "/c1")
    log.wait_for(1)
    zk.create(base + "/c2")
    barrier(zk, base, log)
    assert summary(log) == [(EventType.CHILD, base)]


def test_child_watch_fires_on_child_delete(zk, base, events):
    zk.create(base + "/c1")
    log = events()
    zk.get_children(base, watch=log)
    zk.delete(base + "/c1")
    log.wait_for(1)
    assert summary(log) == [(EventType.CHILD, base)]


def test_child_watch_on_deleted_node(zk, base, events):
    path = base + "/p"
    zk.create(path)
    log = events()
    zk.get_children(path, watch=log)
    zk.delete(path)
    log.wait_for(1)
    barrier(zk, base, log)
    assert summary(log) == [(EventType.DELETED, path)]


def test_watches_across_clients(server, zk, zk_factory, base, events):
    writer = zk_factory(server)
    data_log, child_log, exist_log = events(), events(), events()
    zk.create(base + "/n", b"0")
    zk.get(base + "/n", watch=data_log)
    zk.get_children(base, watch=child_log)
    zk.exists(base + "/m", watch=exist_log)

    writer.set(base + "/n", b"1")
    writer.create(base + "/m")
    data_log.wait_for(1)
    child_log.wait_for(1)
    exist_log.wait_for(1)
    barrier(zk, base, data_log)
    assert summary(data_log) == [(EventType.CHANGED, base + "/n")]
    assert summary(child_log) == [(EventType.CHILD, base)]
    assert summary(exist_log) == [(EventType.CREATED, base + "/m")]


def test_delete_fires_data_and_parent_child_watches(zk, base, events):
    path = base + "/x"
    zk.create(path)
    node_log, parent_log = events(), events()
    zk.exists(path, watch=node_log)
    zk.get_children(base, watch=parent_log)
    zk.delete(path)
    node_log.wait_for(1)
    parent_log.wait_for(1)
    assert summary(node_log) == [(EventType.DELETED, path)]
    assert summary(parent_log) == [(EventType.CHILD, base)]

