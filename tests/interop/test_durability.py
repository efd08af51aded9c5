"""Durability: every acknowledged write survives kill -9 and a restart on the same dataDir."""
import threading

import pytest

from conftest import wait_until

ACKED_TARGET = 2000
IN_FLIGHT = 64


def write_until_killed(server, zk, parent):
    """Issue async creates (at most IN_FLIGHT outstanding) and SIGKILL the server as soon as
    ACKED_TARGET have been acknowledged, with more still in flight. Returns the acked paths."""
    acked = {}
    lock = threading.Lock()
    slots = threading.Semaphore(IN_FLIGHT)
    enough = threading.Event()

    def on_done(path, data):
        def callback(result):
            try:
                result.get_nowait()
                with lock:
                    acked[path] = data
                    if len(acked) >= ACKED_TARGET:
                        enough.set()
            except Exception:
                pass  # connection lost at the kill: not acknowledged
            finally:
                slots.release()
        return callback

    i = 0
    while not enough.is_set():
        if not slots.acquire(timeout=30):
            raise AssertionError(f"no create acknowledged for 30s ({len(acked)} acked)")
        if enough.is_set():
            slots.release()
            break
        path = f"{parent}/n{i:06d}"
        data = b"value-%d-" % i + bytes([i % 251]) * (i % 97)
        zk.create_async(path, data).rawlink(on_done(path, data))
        i += 1
    server.kill9()
    with lock:
        snapshot = dict(acked)
    return snapshot, i


def verify(zk, parent, acked):
    children = set(zk.get_children(parent))
    missing = [p for p in acked if p.rsplit("/", 1)[1] not in children]
    assert not missing, f"{len(missing)} acknowledged nodes lost, e.g. {missing[:5]}"
    results = [(p, zk.get_async(p)) for p in acked]
    wrong = []
    for p, r in results:
        data, _ = r.get(timeout=30)
        if data != acked[p]:
            wrong.append(p)
    assert not wrong, f"{len(wrong)} nodes with wrong data, e.g. {wrong[:5]}"


@pytest.mark.parametrize("snap_count", [None, 500], ids=["default", "snapCount500"])
def test_acknowledged_creates_survive_kill9(server_factory, zk_factory, snap_count):
    extra = {"snapCount": str(snap_count)} if snap_count else {}
    srv = server_factory(extra_cfg=extra)
    zk = zk_factory(srv)
    zk.create("/durable", b"parent")
    acked, issued = write_until_killed(srv, zk, "/durable")
    assert len(acked) >= ACKED_TARGET

    srv.start()  # same dataDir, same port
    checker = zk_factory(srv)
    verify(checker, "/durable", acked)
    assert checker.get("/durable")[0] == b"parent"
    count = len(checker.get_children("/durable"))
    assert len(acked) <= count <= issued
    # the tree stays writable and numbering continues after recovery
    stat = checker.exists("/durable")
    assert stat.numChildren == count
    assert checker.create("/durable/after", b"x")
    new_seq = checker.create("/durable/s-", sequence=True)
    assert new_seq == "/durable/s-%010d" % (stat.cversion + 1)


def test_graceful_restart_keeps_everything(fresh_server, zk_factory):
    zk = zk_factory(fresh_server)
    zk.create("/g", b"root")
    for i in range(50):
        zk.create(f"/g/c{i}", b"%d" % i)
    zk.set("/g/c7", b"seven", version=0)
    zk.delete("/g/c9")
    zk.create("/g/s-", sequence=True)
    before = {c: zk.get(f"/g/{c}") for c in zk.get_children("/g")}
    parent_before = zk.exists("/g")

    code = fresh_server.stop()  # SIGTERM
    assert code is not None and not fresh_server.stop_needed_sigkill, "SIGTERM did not stop the server"
    fresh_server.start()
    zk2 = zk_factory(fresh_server)
    after = {c: zk2.get(f"/g/{c}") for c in zk2.get_children("/g")}
    assert after == before  # data and full Stat of every node
    assert zk2.exists("/g") == parent_before
    assert zk2.create("/g/s-", sequence=True) == "/g/s-%010d" % 51


def test_restart_twice_after_kill(fresh_server, zk_factory):
    zk = zk_factory(fresh_server)
    zk.create("/k", b"1")
    fresh_server.restart(kill=True)
    zk2 = zk_factory(fresh_server)
    wait_until(lambda: zk2.exists("/k"), 10, message="/k after kill -9")
    zk2.set("/k", b"2")
    fresh_server.restart(kill=True)
    zk3 = zk_factory(fresh_server)
    data, stat = zk3.get("/k")
    assert data == b"2" and stat.version == 1
