"""Fixtures for the interop suite: a real server process on loopback, kazoo clients, helpers.

The target is chosen by AKKAZK_TARGET=akkazk|apache (default akkazk). The same tests run
against both, so a difference between the two is a bug in AkkaZk (or in the test, when it
fails on Apache ZooKeeper 3.8.0).
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid

import pytest
from kazoo.client import KazooClient

import jute

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TARGET = os.environ.get("AKKAZK_TARGET", "akkazk")
AKKAZK_DLL = os.environ.get(
    "AKKAZK_SERVER_DLL",
    os.path.join(REPO_ROOT, "src", "AkkaZk.Server", "bin", "Release", "net10.0", "AkkaZk.Server.dll"),
)
JAVA_LIB = "/usr/share/java"
ZK_CLASSPATH = ":".join(
    os.path.join(JAVA_LIB, j)
    for j in ("zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-simple.jar")
)
# The Java client (zkCli) stays quiet: slf4j-nop drops its log lines from stdout.
ZK_CLIENT_CLASSPATH = ":".join(
    os.path.join(JAVA_LIB, j)
    for j in ("zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-nop.jar")
)

HOST = "127.0.0.1"
TICK_MS = 2000
READY_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0

if TARGET not in ("akkazk", "apache"):
    raise pytest.UsageError(f"AKKAZK_TARGET must be akkazk or apache, not {TARGET!r}")


def wait_until(predicate, timeout, interval=0.05, message="condition"):
    """Poll predicate until it returns a truthy value; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    last_exc = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as e:  # the predicate may race with the server; keep polling
            last_exc = e
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_exc!r})" if last_exc else ""
            raise AssertionError(f"timed out after {timeout}s waiting for {message}{detail}")
        time.sleep(interval)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class ZkServer:
    """One server process (AkkaZk or Apache ZooKeeper) on a loopback port with its own dataDir."""

    def __init__(self, target=TARGET, whitelist="*", extra_cfg=None, name="zk", port=None):
        self.target = target
        self.whitelist = whitelist
        self.extra_cfg = dict(extra_cfg or {})
        self.host = HOST
        self.port = port or free_port()
        self.tmpdir = tempfile.mkdtemp(prefix=f"akkazk-interop-{name}-")
        self.data_dir = os.path.join(self.tmpdir, "data")
        os.makedirs(self.data_dir)
        self.cfg_path = os.path.join(self.tmpdir, "zoo.cfg")
        self.log_path = os.path.join(self.tmpdir, "server.log")
        self.proc = None
        self.stop_needed_sigkill = False  # set when SIGTERM did not stop the server in time
        self._log = None
        self._clients = []
        self._write_cfg()

    @property
    def hosts(self):
        return f"{self.host}:{self.port}"

    def _write_cfg(self):
        cfg = {
            "tickTime": str(TICK_MS),
            "dataDir": self.data_dir,
            "clientPort": str(self.port),
            "clientPortAddress": self.host,
            "maxClientCnxns": "0",
            "4lw.commands.whitelist": self.whitelist,
            "admin.enableServer": "false",
        }
        cfg.update(self.extra_cfg)
        with open(self.cfg_path, "w") as f:
            for k, v in cfg.items():
                f.write(f"{k}={v}\n")

    def _command(self):
        if self.target == "apache":
            # ZooKeeper reads readonlymode.enabled only as a JVM system property; AkkaZk also takes it in zoo.cfg.
            read_only = ["-Dreadonlymode.enabled=true"] if self.extra_cfg.get("readonlymode.enabled") == "true" else []
            return [
                "java", "-Xmx256m", "-XX:+UseSerialGC", *read_only,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dzookeeper.jmx.log4j.disable=true",
                "-cp", ZK_CLASSPATH,
                "org.apache.zookeeper.server.quorum.QuorumPeerMain", self.cfg_path,
            ]
        if not os.path.exists(AKKAZK_DLL):
            raise AssertionError(
                f"AkkaZk server not built: {AKKAZK_DLL} is missing "
                "(run `dotnet build AkkaZk.sln -c Release`, or ./test.sh)")
        return ["dotnet", AKKAZK_DLL, self.cfg_path]

    # ---- lifecycle ----
    def start(self):
        self.launch()
        self.wait_ready()
        return self

    def launch(self):
        """Start the process without waiting for it to serve (ensemble members wait for a quorum)."""
        assert self.proc is None or self.proc.poll() is not None, "server already running"
        self._log = open(self.log_path, "ab")
        self._log.write(f"==== start {' '.join(self._command())}\n".encode())
        self._log.flush()
        self.proc = subprocess.Popen(
            self._command(), cwd=self.tmpdir, stdin=subprocess.DEVNULL,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout=READY_TIMEOUT):
        """Poll ruok -> imok (or srvr when ruok is not whitelisted) until the server serves."""
        deadline = time.monotonic() + timeout
        probe = "ruok" if self._allows("ruok") else None
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"{self.target} server exited with code {self.proc.returncode} during startup\n"
                    + self.log_tail())
            try:
                ok = True
                if probe:
                    ok = jute.four_letter(self.host, self.port, probe, timeout=2) == "imok"
                # ruok answers as soon as the socket listens; srvr shows whether it serves.
                ok = ok and "Mode:" in jute.four_letter(self.host, self.port, "srvr", timeout=2)
                if ok:
                    return
            except OSError:
                pass
            if time.monotonic() >= deadline:
                raise AssertionError(
                    f"{self.target} server not ready (ruok/srvr) within {timeout}s on {self.hosts}\n"
                    + self.log_tail())
            time.sleep(0.1)

    def _allows(self, cmd):
        wl = [w.strip() for w in self.whitelist.split(",")]
        return "*" in wl or cmd in wl

    def _signal(self, sig):
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def stop(self, timeout=STOP_TIMEOUT):
        """SIGTERM the process group, SIGKILL it after timeout seconds. Returns the exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self._signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.stop_needed_sigkill = True
                self._signal(signal.SIGKILL)
                self.proc.wait(10)
        self._close_log()
        return self.proc.returncode

    def kill9(self):
        """SIGKILL the whole process group (no clean shutdown)."""
        if self.proc is not None and self.proc.poll() is None:
            self._signal(signal.SIGKILL)
            self.proc.wait(10)
        self._close_log()

    def restart(self, kill=False):
        """Stop (SIGTERM, or SIGKILL when kill=True) and start again on the same dataDir and port."""
        if kill:
            self.kill9()
        else:
            self.stop()
        self.start()
        return self

    def _close_log(self):
        if self._log is not None:
            self._log.close()
            self._log = None

    def cleanup(self):
        for c in self._clients:
            stop_client(c)
        self._clients.clear()
        self.stop()
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def log_tail(self, lines=150):
        try:
            with open(self.log_path, "rb") as f:
                text = f.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return "(no server log)"
        return f"---- {self.target} server log (last {lines} lines) ----\n" + "\n".join(text[-lines:])

    # ---- helpers ----
    def four_letter(self, cmd, timeout=10.0):
        return jute.four_letter(self.host, self.port, cmd, timeout)

    def raw(self, timeout=10.0):
        return jute.RawConnection(self.host, self.port, timeout)

    def client(self, hosts=None, start=True, **kw):
        """A kazoo client for this server; stopped when the server fixture is torn down."""
        kw.setdefault("timeout", 10.0)
        # Reconnect quickly and keep the back-off short, so a client whose server was
        # restarted or killed comes back fast and stops promptly at teardown.
        kw.setdefault("connection_retry", dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=1.0))
        c = KazooClient(hosts=hosts or self.hosts, **kw)
        self._clients.append(c)
        if start:
            c.start(timeout=15)
        return c


def stop_client(c):
    try:
        c.stop()
    except Exception:
        pass
    try:
        c.close()
    except Exception:
        pass


def _start(name, **kw):
    srv = ZkServer(name=name, **kw)
    for attempt in range(3):
        try:
            return srv.start()
        except AssertionError as e:
            # free_port() can race with another process taking the port: try another one.
            if attempt < 2 and "already in use" in str(e).lower():
                srv.port = free_port()
                srv._write_cfg()
                continue
            srv.cleanup()
            raise
        except BaseException:
            srv.cleanup()
            raise


@pytest.fixture(scope="module")
def server(request):
    """A server shared by the tests of one module (tests use distinct paths)."""
    srv = _start(request.module.__name__.rsplit(".", 1)[-1])
    _SERVERS.add(srv)
    yield srv
    _SERVERS.discard(srv)
    srv.cleanup()


@pytest.fixture
def fresh_server(request):
    """A server of its own for one test (restart/kill tests)."""
    srv = _start(request.node.name[:40])
    _SERVERS.add(srv)
    yield srv
    _SERVERS.discard(srv)
    srv.cleanup()


@pytest.fixture
def server_factory(request):
    """Start servers with custom settings for one test: server_factory(whitelist="srvr")."""
    made = []

    def make(**kw):
        srv = _start(request.node.name[:40], **kw)
        made.append(srv)
        _SERVERS.add(srv)
        return srv

    yield make
    for srv in made:
        _SERVERS.discard(srv)
        srv.cleanup()


class ReapingZkServer(ZkServer):
    """A server with extendedTypesEnabled=true (TTL nodes) whose container/TTL manager runs every
    REAP_INTERVAL_MS. Apache ZooKeeper reads that interval from the JVM property
    znode.container.checkIntervalMs only (default one minute): a zoo.cfg line would become
    zookeeper.znode.container.checkIntervalMs, which it ignores. AkkaZk takes the zoo.cfg line."""

    REAP_INTERVAL_MS = 100

    def __init__(self, **kw):
        extra = dict(kw.pop("extra_cfg", None) or {})
        extra.setdefault("extendedTypesEnabled", "true")
        extra.setdefault("znode.container.checkIntervalMs", str(self.REAP_INTERVAL_MS))
        super().__init__(extra_cfg=extra, **kw)

    def _command(self):
        cmd = super()._command()
        if self.target == "apache":
            cmd[1:1] = [f"-Dznode.container.checkIntervalMs={self.REAP_INTERVAL_MS}"]
        return cmd


@pytest.fixture(scope="module")
def reaping_server(request):
    """A ReapingZkServer (TTL nodes enabled, fast container/TTL reaping) shared by one module."""
    srv = ReapingZkServer(name=request.module.__name__.rsplit(".", 1)[-1] + "-reaping")
    try:
        srv.start()
    except BaseException:
        srv.cleanup()
        raise
    _SERVERS.add(srv)
    yield srv
    _SERVERS.discard(srv)
    srv.cleanup()


@pytest.fixture
def zk_factory():
    """kazoo clients for any server; all are stopped when the test ends."""
    made = []

    def make(srv, **kw):
        c = srv.client(**kw)
        made.append(c)
        return c

    yield make
    for c in made:
        stop_client(c)


@pytest.fixture
def zk(server, zk_factory):
    return zk_factory(server)


@pytest.fixture
def base(zk, request):
    """A fresh persistent node for this test to work under."""
    name = "".join(ch if ch.isalnum() else "_" for ch in request.node.name)[:60]
    path = f"/{name}-{uuid.uuid4().hex[:8]}"
    zk.create(path)
    return path


class EventLog:
    """Thread-safe collector for kazoo watch callbacks with bounded waits."""

    def __init__(self):
        self.events = []
        self._cond = threading.Condition()

    def __call__(self, event):
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait_for(self, n=1, timeout=10.0):
        with self._cond:
            ok = self._cond.wait_for(lambda: len(self.events) >= n, timeout)
        assert ok, f"expected {n} watch event(s) within {timeout}s, got {self.events}"
        return list(self.events)


@pytest.fixture
def events():
    return EventLog


class TcpProxy:
    """A loopback TCP proxy that can cut every client connection, to simulate a partition."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((HOST, 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.blocked = False
        self._lock = threading.Lock()
        self._conns = []
        self._closed = False
        threading.Thread(target=self._accept_loop, daemon=True).start()

    @property
    def hosts(self):
        return f"{HOST}:{self.port}"

    def _accept_loop(self):
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                if self.blocked:
                    client.close()
                    continue
                try:
                    upstream = socket.create_connection(self.target, timeout=5)
                    upstream.settimeout(None)
                except OSError:
                    client.close()
                    continue
                self._conns.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pump(src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self, block=True):
        """Drop every proxied connection (no closeSession reaches the server); refuse new ones if block."""
        with self._lock:
            self.blocked = block
            conns, self._conns = self._conns, []
        for pair in conns:
            for s in pair:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def heal(self):
        with self._lock:
            self.blocked = False

    def close(self):
        self._closed = True
        self.cut()
        self.listener.close()


@pytest.fixture
def proxy_factory():
    made = []

    def make(srv):
        p = TcpProxy(srv.host, srv.port)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


_SERVERS = set()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the server log tail to a failing test's report."""
    outcome = yield
    rep = outcome.get_result()
    if rep.failed:
        for srv in list(_SERVERS):
            rep.sections.append((f"{srv.target} server log ({srv.hosts})", srv.log_tail(80)))


def pytest_report_header(config):
    target = TARGET if TARGET == "apache" else f"akkazk ({AKKAZK_DLL})"
    return f"interop target: {target}"
