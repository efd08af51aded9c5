"""An Ensemble whose peer traffic the test controls, in the manner of Akka's multi-node TestConductor.

Every member gets its own zoo.cfg: its own server.N line names its real quorum and election ports (it binds them),
and each other member's line names a link the conductor owns, so each directed connection (dialler, target, port
kind) goes through a link that knows which pair it serves. blackhole(a, b) closes both directions' links and refuses
new connections on them (silent=True: keeps them open and lets nothing through); pass_through(a, b) lets connections
through again. pause/resume are SIGSTOP/SIGCONT, exit is SIGKILL, restart and replace start a member again (replace
with a fresh dataDir, of any kind).
"""
import signal

from conftest import _SERVERS, HOST, stop_client, wait_until
from ensemble import Ensemble
from switchboard import Switchboard

KINDS_OF_PORT = ("quorum", "election")


class Conductor(Ensemble):
    def __init__(self, kinds, tick_ms=300, extra_cfg=None):
        self.switchboard = Switchboard()
        self.links = {}  # (dialler, target, port kind) -> link
        self.tick_ms = tick_ms
        self._paused = set()
        self._retired = []
        try:
            # initLimit 20: a member restarted on a busy machine has time to start and sync.
            super().__init__(kinds, tick_ms, {"initLimit": "20", "syncLimit": "5", **(extra_cfg or {})})
        except BaseException:
            self.switchboard.close()
            raise

    def make_server(self, i, kind, port=None):
        srv = super().make_server(i, kind, port)
        _SERVERS.add(srv)  # its log goes into a failing test's report
        return srv

    def peer_lines(self, i):
        lines = {}
        for j, ports in self.peers.items():
            if j != i:
                ports = [self._link(i, j, kind, port).port for kind, port in zip(KINDS_OF_PORT, ports)]
            lines[f"server.{j}"] = f"{HOST}:{ports[0]}:{ports[1]}"
        return lines

    def _link(self, dialler, target, kind, port):
        link = self.switchboard.add_link(f"{dialler}->{target} {kind}", (HOST, port))
        self.links[(dialler, target, kind)] = link
        return link

    @property
    def hosts(self):
        """A connect string naming every member."""
        return ",".join(srv.hosts for srv in self.servers.values())

    @property
    def sync_limit_s(self):
        return int(self.cfg[1]["syncLimit"]) * self.tick_ms / 1000

    # ---- the network ----
    def _links_between(self, a, b):
        return [self.links[(x, y, kind)] for x, y in ((a, b), (b, a)) for kind in KINDS_OF_PORT]

    def blackhole(self, a, b, silent=False):
        """Cut a and b apart: their connections are closed and new ones refused, or with silent=True kept open
        with nothing getting through (only timeouts tell)."""
        cut = self.switchboard.silence_link if silent else self.switchboard.close_link
        for link in self._links_between(a, b):
            cut(link)

    def pass_through(self, a, b):
        for link in self._links_between(a, b):
            self.switchboard.open_link(link)

    def isolate(self, n, silent=False):
        for other in self.servers:
            if other != n:
                self.blackhole(n, other, silent)

    def heal(self):
        for link in self.links.values():
            self.switchboard.open_link(link)

    # ---- the processes ----
    def pause(self, n):
        self.servers[n]._signal(signal.SIGSTOP)
        self._paused.add(n)

    def resume(self, n):
        self.servers[n]._signal(signal.SIGCONT)
        self._paused.discard(n)

    def exit(self, n):
        self.servers[n].kill9()
        self._paused.discard(n)

    def restart(self, n):
        """SIGKILL member n if it runs, start it again on its dataDir, and wait until it serves."""
        self.exit(n)
        self.servers[n].launch()
        self.servers[n].wait_ready(timeout=60)

    def replace(self, n, kind):
        """Stop member n (SIGTERM) and start a server of this kind in its place: same id, same client and peer
        ports, a fresh dataDir (it syncs from the leader). Waits until it serves."""
        old = self.servers[n]
        old.stop()
        self._retired.append(old)
        self.servers[n] = self.make_server(n, kind, port=old.port)
        self.servers[n].launch()
        self.servers[n].wait_ready(timeout=60)

    # ---- observing ----
    def status(self, n, timeout=2):
        """(mode, zxid) from srvr, or None when member n does not serve."""
        try:
            text = self.servers[n].four_letter("srvr", timeout=timeout)
        except OSError:
            return None
        fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
        if "Mode" not in fields or "Zxid" not in fields:
            return None
        return fields["Mode"], int(fields["Zxid"], 16)

    def wait_caught_up(self, n, timeout=60):
        """Wait until member n follows or leads and has applied everything the leader had when this was called."""
        leader = self.leader()
        target = self.status(leader)[1] if leader != n else 0
        wait_until(lambda: (s := self.status(n)) and s[0] in ("leader", "follower") and s[1] >= target, timeout,
                   message=f"member {n} caught up to zxid {target:#x}")

    def assert_all_have(self, path, acknowledged):
        """Every member, after a sync, has every acknowledged child of path, and all members have the same children
        with the same data."""
        names = {p.rsplit("/", 1)[1] for p in acknowledged}
        seen = {}
        for i in self.servers:
            c = self.client(i)
            c.sync(path)
            children = set(c.get_children(path))
            missing = names - children
            assert not missing, f"member {i} ({self.servers[i].target}) lacks {len(missing)} acknowledged " \
                                f"writes, e.g. {sorted(missing)[:5]}"
            seen[i] = {n: c.get(f"{path}/{n}")[0] for n in children}
            stop_client(c)
        first = next(iter(seen.values()))
        for i, data in seen.items():
            assert data == first, f"member {i} differs: {sorted(set(data) ^ set(first))[:5]}"

    def cleanup(self):
        for n in list(self._paused):
            self.resume(n)
        try:
            super().cleanup()
            for srv in self._retired:
                srv.cleanup()
            _SERVERS.difference_update(self._retired, self.servers.values())
        finally:
            self.switchboard.close()
