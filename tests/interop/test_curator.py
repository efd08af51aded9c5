"""Apache Curator 5.4 recipes (Debian libcurator-*-java) and the ZooKeeper 3.8 Java client against
the target server, through java/CuratorChecks.java, compiled once per test session with javac.

The recipes run in one JVM per module and print "CHECK <name> OK|FAIL <detail>"; each test
asserts one line. The Java client's watch reset after a reconnect (SetWatches, SetWatches2 with a
persistent recursive watch) is driven step by step through stdin/stdout.
"""
import os
import re
import shutil
import subprocess
import tempfile
import uuid

import pytest

from conftest import JAVA_LIB, wait_until
from lineproc import LineProcess

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "java", "CuratorChecks.java")
JARS = [os.path.join(JAVA_LIB, j) for j in (
    "curator-recipes.jar", "curator-framework.jar", "curator-client.jar", "guava.jar",
    "zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-nop.jar")]
T = 15.0


@pytest.fixture(scope="session")
def curator_classpath():
    """Compile CuratorChecks.java once per session; the classpath to run it with."""
    missing = [j for j in JARS if not os.path.exists(j)]
    if missing or not shutil.which("javac"):
        pytest.skip(f"Curator tests need javac and {missing or JARS} "
                    "(Debian: libcurator-recipes-java, libzookeeper-java, a JDK)")
    out_dir = tempfile.mkdtemp(prefix="akkazk-interop-curator-")
    try:
        cp = ":".join(JARS)
        p = subprocess.run(["javac", "-nowarn", "-d", out_dir, "-cp", cp, SOURCE],
                           capture_output=True, text=True, timeout=180)
        assert p.returncode == 0, f"javac failed:\n{p.stdout}{p.stderr}"
        yield out_dir + ":" + cp
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def java_cmd(classpath, hosts, *args):
    return ["java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
            "CuratorChecks", hosts, *args]


def run_checks(classpath, hosts, mode, base, timeout=150):
    p = subprocess.run(java_cmd(classpath, hosts, mode, base), capture_output=True, text=True,
                       timeout=timeout, stdin=subprocess.DEVNULL)
    out = p.stdout + p.stderr
    assert p.returncode == 0 and "DONE" in p.stdout.splitlines(), f"CuratorChecks {mode} exited {p.returncode}:\n{out}"
    checks = {}
    for line in p.stdout.splitlines():
        m = re.match(r"CHECK (\S+) (OK|FAIL) ?(.*)$", line)
        if m:
            checks[m.group(1)] = (m.group(2), m.group(3))
    return checks


@pytest.fixture(scope="module")
def recipes(server, curator_classpath):
    base = f"/curator-{uuid.uuid4().hex[:8]}"
    return run_checks(curator_classpath, server.hosts, "recipes", base)


@pytest.mark.parametrize("check", ["mutex", "leader_latch", "barrier", "double_barrier", "curator_cache"])
def test_curator_recipe(recipes, check):
    """mutex: InterProcessMutex, two clients' threads contend (exclusion, re-entrancy, hand-off);
    leader_latch: one leader of three, failover when it closes; barrier: DistributedBarrier;
    double_barrier: DistributedDoubleBarrier of three; curator_cache: CuratorCache (a persistent
    recursive watch from addWatch) sees create/update/delete below its root."""
    assert check in recipes, f"no result line for {check}: {recipes}"
    status, detail = recipes[check]
    assert status == "OK", f"{check}: {detail}"


def test_curator_container_parents_are_reaped(reaping_server, curator_classpath):
    """Curator creates missing parents as containers (createContainer), a lock's parent too.
    A container that had children and is empty again is deleted by the server."""
    zk = reaping_server.client()
    base = f"/cont-{uuid.uuid4().hex[:8]}"
    zk.create(base)
    checks = run_checks(curator_classpath, reaping_server.hosts, "containers", base)
    assert checks.get("containers", ("missing", ""))[0] == "OK", checks
    assert zk.exists(base + "/cont/parent/leaf").ephemeralOwner == 0
    # the lock was acquired and released: its container is empty and goes
    wait_until(lambda: zk.exists(base + "/cont/lock") is None, T, message="empty lock container deleted")
    assert zk.exists(base + "/cont/parent") is not None  # has a child: kept
    zk.delete(base + "/cont/parent/leaf")
    wait_until(lambda: zk.exists(base + "/cont") is None, T, message="emptied containers deleted up the path")
    assert zk.exists(base) is not None  # persistent: stays


@pytest.mark.parametrize("how,persistent", [("cut", False), ("cut", True), ("restart", True)],
                         ids=["cut-SetWatches", "cut-SetWatches2", "restart-SetWatches2"])
def test_java_client_resets_watches_after_reconnect(fresh_server, curator_classpath, zk_factory,
                                                    proxy_factory, how, persistent):
    """The Java client re-sends its watches after a reconnect (SetWatches; SetWatches2 when it has a
    persistent watch). cut: its connection is dropped, the watched nodes change while it is away,
    and the server fires those watches as soon as it is back. restart: the server restarts on the
    same dataDir; the session and every watch survive it."""
    srv = fresh_server
    zk = zk_factory(srv)
    base = "/rw"
    for p, data in (("", b""), ("/node", b"v0"), ("/same", b"s0"), ("/gone", b"g"),
                    ("/kids", b""), ("/kids/k1", b""), ("/tree", b"")):
        zk.create(base + p, data)
    proxy = proxy_factory(srv) if how == "cut" else None
    hosts = proxy.hosts if proxy else srv.hosts
    args = ["reconnect", base] + (["persistent"] if persistent else [])
    java = LineProcess(java_cmd(curator_classpath, hosts, *args))
    try:
        i = java.wait_for(r"^READY 0x[0-9a-f]+$", timeout=30)
        session = java.lines[i].split()[1]

        mark = java.mark()
        if how == "cut":
            proxy.cut(block=True)
            java.wait_for(r"^STATE Disconnected", mark)
            # changes while the client is away
            zk.set(base + "/node", b"v1")
            zk.create(base + "/kids/k2")
            zk.create(base + "/missing")
            zk.delete(base + "/gone")
            proxy.heal()
        else:
            srv.restart()
            java.wait_for(r"^STATE Disconnected", mark)
        j = java.wait_for(r"^STATE SyncConnected", mark, timeout=30)
        assert java.lines[j] == f"STATE SyncConnected {session}", "reconnected to another session"

        if how == "restart":
            # the server restarted without watches: only the client's SetWatches restores them
            wait_until(lambda: zk.connected, T, message="kazoo reconnected")
            zk.set(base + "/node", b"v1")
            zk.create(base + "/kids/k2")
            zk.create(base + "/missing")
            zk.delete(base + "/gone")
        for ev in (f"NodeDataChanged {base}/node", f"NodeChildrenChanged {base}/kids",
                   f"NodeCreated {base}/missing", f"NodeDeleted {base}/gone"):
            java.wait_for(rf"^EVENT {ev}$", j)

        # an unchanged node's watch was re-registered and fires for a later change
        zk.set(base + "/same", b"s1")
        java.wait_for(rf"^EVENT NodeDataChanged {base}/same$", j)
        if persistent:
            zk.set(base + "/node", b"v2")  # that one-shot watch has fired: no second event
            zk.create(base + "/tree/x/y", makepath=True)
            zk.set(base + "/tree/x/y", b"d")
            java.wait_for(rf"^EVENT NodeDataChanged {base}/tree/x/y$", j)
            events = [x for x in java.output(j) if x.startswith("EVENT Node")]
            assert f"EVENT NodeCreated {base}/tree/x" in events
            assert f"EVENT NodeCreated {base}/tree/x/y" in events
            assert events.count(f"EVENT NodeDataChanged {base}/node") == 1, events
        java.send("quit", expect=rf"^SESSION {session}$")
    finally:
        rc = java.close(quit_line="quit", timeout=15)
    assert rc == 0, "\n".join(java.output())
