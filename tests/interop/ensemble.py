"""A three-server ensemble of processes (AkkaZk, Apache ZooKeeper, or a mix) on free loopback ports, for the
interop tests and bench/failover-time.sh."""
import os

from kazoo.client import KazooClient

from conftest import HOST, ZkServer, free_port, stop_client, wait_until


class Ensemble:
    def __init__(self, kinds, tick_ms=500, extra_cfg=None):
        self.kinds = kinds
        ids = range(1, len(kinds) + 1)
        peers = {i: (free_port(), free_port()) for i in ids}
        self.peers = peers  # sid -> (quorum port, election port)
        lines = {f"server.{i}": f"{HOST}:{q}:{e}" for i, (q, e) in peers.items()}
        common = {"tickTime": str(tick_ms), "initLimit": "10", "syncLimit": "5", **lines, **(extra_cfg or {})}
        self.servers = {}
        for i, kind in zip(ids, kinds):
            srv = ZkServer(target=kind, extra_cfg=common, name=f"ens{i}-{kind}")
            with open(os.path.join(srv.data_dir, "myid"), "w") as f:
                f.write(f"{i}\n")
            self.servers[i] = srv
        self._clients = []

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
