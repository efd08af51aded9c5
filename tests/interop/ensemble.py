"""An ensemble of server processes (AkkaZk, Apache ZooKeeper, or a mix) on free loopback ports, for the
interop tests and bench/failover-time.sh. Observers are named by id: their server.N line ends in :observer and their
own zoo.cfg says peerType=observer, as ZooKeeper's documentation asks."""
import os
import socket

import pytest
from kazoo.client import KazooClient

from conftest import HOST, ZkServer, stop_client, wait_until


def distinct_free_ports(count, taken=()):
    """Free loopback ports, distinct and outside taken: every socket stays bound until all are chosen, since a port
    just closed may be handed out again (ZooKeeper refuses a server line whose quorum and election ports are equal)."""
    socks, ports = [], []
    try:
        while len(ports) < count:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            socks.append(s)
            s.bind((HOST, 0))
            if s.getsockname()[1] not in taken:
                ports.append(s.getsockname()[1])
    finally:
        for s in socks:
            s.close()
    return ports


class Ensemble:
    def __init__(self, kinds, tick_ms=500, extra_cfg=None, observers=()):
        self.kinds = kinds
        ids = range(1, len(kinds) + 1)
        self.observers = tuple(observers)
        self.voters = [i for i in ids if i not in self.observers]
        ports = distinct_free_ports(2 * len(kinds))
        # Each member's (quorum port, election port); client ports are kept apart from them.
        self.peers = {i: (ports[2 * i - 2], ports[2 * i - 1]) for i in ids}
        self._taken = ports
        self.cfg = {}
        self.servers = {}
        for i, kind in zip(ids, kinds):
            self.cfg[i] = {"tickTime": str(tick_ms), "initLimit": "10", "syncLimit": "5",
                           **self.peer_lines(i), **(extra_cfg or {})}
            if i in self.observers:
                self.cfg[i]["peerType"] = "observer"
            self.servers[i] = self.make_server(i, kind)
        self._clients = []

    def peer_lines(self, i):
        """The server.N lines of member i's zoo.cfg: every member dials the others' own ports."""
        return {f"server.{j}": f"{HOST}:{q}:{e}" + (":observer" if j in self.observers else "")
                for j, (q, e) in self.peers.items()}

    def make_server(self, i, kind, port=None):
        """Member i as a server of this kind with a fresh dataDir (on this client port when given)."""
        srv = ZkServer(target=kind, extra_cfg=self.cfg[i], name=f"ens{i}-{kind}", port=port)
        if port is None and srv.port in self._taken:
            srv.port = distinct_free_ports(1, taken=self._taken)[0]
            srv._write_cfg()
        self._taken.append(srv.port)
        with open(os.path.join(srv.data_dir, "myid"), "w") as f:
            f.write(f"{i}\n")
        return srv

    def start(self):
        for srv in self.servers.values():
            srv.launch()
        for srv in self.servers.values():
            srv.wait_ready(timeout=60)

    def mode(self, i):
        try:
            for line in self.servers[i].four_letter("srvr", timeout=2).splitlines():
                if line.startswith("Mode: "):
                    return line[6:]
        except OSError:
            pass
        return None

    def serving(self, i):
        """srvr shows a mode: the node is leader, follower or observer (not looking, not down)."""
        return self.mode(i) is not None

    def running(self, i):
        proc = self.servers[i].proc
        return proc is not None and proc.poll() is None

    def heal(self):
        """Start every server that is down and wait until all of them serve."""
        for i, srv in self.servers.items():
            if not self.running(i):
                srv.launch()
        for srv in self.servers.values():
            srv.wait_ready(timeout=60)

    def leader(self, among=None):
        ids = among or list(self.servers)
        return wait_until(lambda: next((i for i in ids if self.mode(i) == "leader"), None), 60,
                          message=f"a leader among {ids}")

    def client(self, i):
        c = KazooClient(hosts=self.servers[i].hosts, timeout=10.0,
                        connection_retry=dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=1.0))
        c.start(timeout=30)
        self._clients.append(c)
        return c

    def assert_same_data(self, path, expected_children, live=None):
        """Every live node, after a sync, has exactly these children with the same data."""
        seen = {}
        for i in live or self.servers:
            c = self.client(i)
            c.sync(path)
            children = sorted(c.get_children(path))
            assert len(children) == expected_children, f"node {i} ({self.servers[i].target}) has {len(children)}"
            seen[i] = [(n, c.get(f"{path}/{n}")[0]) for n in children]
            stop_client(c)
        first = next(iter(seen.values()))
        assert all(v == first for v in seen.values()), "nodes disagree"

    def cleanup(self):
        for c in self._clients:
            stop_client(c)
        for srv in self.servers.values():
            srv.cleanup()


def ensemble_fixture(kinds):
    """A module-scoped pytest fixture: one started Ensemble per entry of kinds (test id -> server kinds)."""
    @pytest.fixture(scope="module", params=list(kinds), ids=list(kinds))
    def ensemble(request):
        ens = Ensemble(kinds[request.param])
        try:
            ens.start()
            yield ens
        finally:
            ens.cleanup()
    return ensemble
